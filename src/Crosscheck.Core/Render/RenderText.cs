namespace Crosscheck.Core.Render;

internal static class RenderText
{
    /// <summary>Cuts a display string at a word boundary before <paramref name="max"/> characters, adding an ellipsis.</summary>
    public static string Shorten(string s, int max)
    {
        if (s.Length <= max) return s;
        int cut = s.LastIndexOf(' ', max - 1);
        return s[..(cut > max / 2 ? cut : max)] + "…";
    }
}
