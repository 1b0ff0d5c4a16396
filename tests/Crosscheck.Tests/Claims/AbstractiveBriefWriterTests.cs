using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Crosscheck.Core.Annotate.Claims;
using Crosscheck.Core.CrossCheck.Claims;
using Crosscheck.Core.Model;
using Crosscheck.Tests.Support;
using Microsoft.Extensions.AI;

namespace Crosscheck.Tests.Claims;

/// <summary>A chat model stand-in: answers every request with what <c>reply</c> makes of the prompt, and keeps the prompts.</summary>
internal sealed class FakeChatClient(Func<string, string> reply) : IChatClient
{
    public List<string> Prompts { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = string.Join("\n", messages.Select(m => m.Text));
        Prompts.Add(prompt);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply(prompt))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;
    public void Dispose() { }
}

public class AbstractiveBriefWriterTests
{
    private const string First = "Port strike ends\n\nDock workers at the port of Halden ended their nine-day strike on Sunday after the operator agreed to a 6 percent pay rise, the union said.\n\n"
        + "Ships had queued outside the harbour for most of the week, the harbour master said.\n";
    private const string Second = "Halden dock strike over\n\nThe nine-day strike by dock workers at the port of Halden ended on Sunday when the operator accepted a 6 percent pay rise, union officials said.\n\n"
        + "Fruit growers complained that cargo had spoiled on the quays during the stoppage.\n";

    private static Story Story()
    {
        var docs = new[] { First, Second }.Select((t, i) => TestDocs.AnnotateThrough<ClaimExtractor>(t, id: $"s{i + 1}")).ToImmutableArray();
        return new ClaimCrossChecker().Apply(new Story { Id = "story1", Title = "t", Documents = docs });
    }

    /// <summary>The id of the first fact in the prompt ("[c1] (2 independent sources) ...").</summary>
    private static string FirstFactId(string prompt) => Regex.Match(prompt, @"^\[(c\d+)\] \(2 independent sources\)", RegexOptions.Multiline).Groups[1].Value;

    [Fact]
    public async Task Invented_sentences_are_dropped_and_flagged_supported_ones_keep_their_provenance()
    {
        var story = Story();
        var client = new FakeChatClient(prompt =>
        {
            var id = FirstFactId(prompt);
            return $"Dock workers at the port of Halden ended a nine-day strike on Sunday after the operator agreed to a 6 percent pay rise. [{id}]\n"
                 + $"The operator will also pay a bonus of 1,500 krona to every worker. [{id}]\n"
                 + "The strike cost the port millions.";
        });
        var brief = await new AbstractiveBriefWriter(client).WriteAsync(story);

        Assert.False(brief.FellBack);
        var kept = Assert.Single(brief.Sentences);
        Assert.StartsWith("Dock workers at the port of Halden ended a nine-day strike", kept.Text);
        Assert.DoesNotContain("[", kept.Text);
        Assert.Equal(["s1", "s2"], kept.Sources.ToArray());
        Assert.True(kept.Claims.Length >= 2);
        Assert.All(kept.Claims, id => Assert.Contains(story.Claims, c => c.Id == id));

        Assert.Equal(3, brief.Checked.Length);
        Assert.True(brief.Checked[0].Supported);
        Assert.False(brief.Checked[1].Supported);
        Assert.Contains(brief.Checked[1].Problems, p => p.Contains("1,500"));
        Assert.False(brief.Checked[2].Supported);
        Assert.Contains("cites no claim", brief.Checked[2].Problems);
        // the prompt offers the supported fact with its id and the count of independent sources
        Assert.Matches(@"\[c\d+\] \(2 independent sources\) ", Assert.Single(client.Prompts));
    }

    [Fact]
    public void Unknown_ids_names_and_unsupported_wording_are_flagged()
    {
        var fact = new BriefFact("c1", "Dock workers at the port of Halden ended their nine-day strike on Sunday.") { Claims = ["c1", "c4"], Sources = ["s1", "s2"], Origins = 2 };
        var writer = new AbstractiveBriefWriter(new FakeChatClient(_ => ""));
        Assert.True(writer.Check("Dock workers in Halden ended their strike on Sunday [c1].", [fact]).Supported);
        Assert.Contains(writer.Check("Dock workers in Halden ended their strike on Sunday [c9].", [fact]).Problems, p => p.Contains("c9"));
        Assert.Contains(writer.Check("Minister Olsen praised dock workers in Halden on Sunday [c1].", [fact]).Problems, p => p.Contains("Olsen"));
        Assert.Contains(writer.Check("Dock workers ended the strike after riots, arson and looting destroyed warehouses [c1].", [fact]).Problems,
            p => p.Contains("content words"));
        Assert.Contains(writer.Check("Dock workers ended their strike after eleven days [c1].", [fact]).Problems, p => p.Contains("eleven"));
    }

    [Fact]
    public async Task A_failing_model_leaves_the_extractive_brief()
    {
        var story = Story();
        var brief = await new AbstractiveBriefWriter(new FakeChatClient(_ => throw new InvalidOperationException("offline"))).WriteAsync(story);
        Assert.True(brief.FellBack);
        Assert.Equal(story.Brief, brief.Sentences);
        Assert.Contains("offline", brief.Failure);

        var pass = new AbstractiveBriefPass(new FakeChatClient(_ => "The strike cost the port millions."));
        Assert.Equal(story.Brief, pass.Apply(story).Brief); // nothing passed the check: the extractive brief stays
    }
}
