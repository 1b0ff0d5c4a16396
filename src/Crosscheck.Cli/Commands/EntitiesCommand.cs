using System.CommandLine;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Cli.Commands;

/// <summary><c>crosscheck entities FILES</c>: the merged entity table of each story (name, type, aliases, roles, mentions, sources).</summary>
public static class EntitiesCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Article files, folders or http(s) URLs.", Arity = ArgumentArity.OneOrMore };
        var tsv = new Option<bool>("--tsv") { Description = "Tab-separated output, one entity a line." };
        var nerModel = NerModelOption.Create();
        var command = new Command("entities", "Print the merged entity table (name, type, aliases, roles, mentions, sources) of the given articles.") { files, tsv, nerModel };
        command.SetAction(parse =>
        {
            var result = PipelineRunner.Run(parse.GetValue(files)!, NerModelOption.Apply(new PipelineBuilder().UseDefaults(), parse.GetValue(nerModel)), quiet: true);
            bool asTsv = parse.GetValue(tsv);
            foreach (var story in result.Stories)
            {
                if (!asTsv) Console.WriteLine($"## {story.Title} ({story.Documents.Length} sources)");
                else Console.WriteLine("id\ttype\tname\taliases\troles\tmentions\tsources\tcountry");
                var byId = story.Entities.ToDictionary(e => e.Id);
                foreach (var e in story.Entities)
                {
                    var sources = e.Mentions.Select(m => m.DocId).Distinct().ToList();
                    var country = e.CountryId is { } c && byId.TryGetValue(c, out var ce) ? ce.Name : "";
                    if (asTsv)
                        Console.WriteLine(string.Join('\t', e.Id, Type(e.Type), e.Name, string.Join("; ", e.Aliases), string.Join("; ", e.Roles), e.Mentions.Length, string.Join(",", sources), country));
                    else
                    {
                        Console.WriteLine($"{e.Id,-4} {Type(e.Type),-12} {e.Name}  [{e.Mentions.Length} mentions in {sources.Count} sources: {string.Join(", ", sources)}]");
                        if (e.Aliases.Length > 0) Console.WriteLine($"     aliases: {string.Join("; ", e.Aliases)}");
                        if (e.Roles.Length > 0) Console.WriteLine($"     roles:   {string.Join("; ", e.Roles)}");
                        if (country.Length > 0) Console.WriteLine($"     country: {country}");
                    }
                }
                Console.WriteLine();
            }
            return result.Diagnostics.Length > 0 ? ExitCodes.SomeInputsSkipped : ExitCodes.Ok;
        });
        return command;
    }

    private static string Type(EntityType t) => t switch
    {
        EntityType.Person => "person", EntityType.Organization => "organization", EntityType.Location => "location",
        EntityType.Country => "country", _ => "other",
    };
}
