using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.Ingest;

/// <summary>
/// Expands the user's paths into files: a folder gives its files with a known extension, in it and its subfolders
/// (hidden entries and links skipped), sorted ordinally; a file or an http(s) URL is taken as given. A path given twice is read once.
/// </summary>
public static class InputFiles
{
    public static List<string> Expand(IEnumerable<string> paths, IngestOptions options, List<InputDiagnostic> diagnostics)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var extensions = new HashSet<string>(options.Extensions, StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
        {
            if (string.IsNullOrWhiteSpace(path)) { diagnostics.Add(new InputDiagnostic("(empty path)", Severity.Error, "an empty path was given")); continue; }
            if (WebPages.IsUrl(path))
            {
                if (seen.Add(path)) files.Add(path);
                continue;
            }
            if (Directory.Exists(path))
            {
                List<string> found;
                try
                {
                    var enumeration = new EnumerationOptions
                    {
                        RecurseSubdirectories = true, IgnoreInaccessible = true, ReturnSpecialDirectories = false,
                        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
                    };
                    found = Directory.EnumerateFiles(path, "*", enumeration)
                        .Where(f => Readable(f, extensions) && !Path.GetFileName(f).StartsWith('.'))
                        .Order(StringComparer.Ordinal).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    diagnostics.Add(new InputDiagnostic(path, Severity.Error, $"cannot list the folder ({e.Message})"));
                    continue;
                }
                if (found.Count == 0) diagnostics.Add(new InputDiagnostic(path, Severity.Warning, $"the folder holds no {string.Join(" ", options.Extensions)} files (nor any of them gzipped)"));
                foreach (var f in found) if (seen.Add(Path.GetFullPath(f))) files.Add(f);
            }
            else if (File.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path))) files.Add(path);
            }
            else diagnostics.Add(new InputDiagnostic(path, Severity.Error, "no such file or folder"));
        }
        return files;
    }

    /// <summary>A file with a known extension, or one of them gzipped ("page.html.gz").</summary>
    public static bool Readable(string file, HashSet<string> extensions)
    {
        var ext = Path.GetExtension(file);
        if (ext.Equals(".gz", StringComparison.OrdinalIgnoreCase)) ext = Path.GetExtension(Path.GetFileNameWithoutExtension(file));
        return extensions.Contains(ext);
    }
}
