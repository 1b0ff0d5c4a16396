using Crosscheck.Core.Model;

namespace Crosscheck.Core.Pipeline;

/// <summary>A pass over one document that reads its layers and returns it with one more layer filled.</summary>
public interface IDocumentAnnotator
{
    string Name { get; }
    Document Annotate(Document document);
}

/// <summary>Groups documents into stories.</summary>
public interface IStoryClusterer
{
    IReadOnlyList<Story> Cluster(IReadOnlyList<Document> documents);
}

/// <summary>A pass over one story (all its documents) that adds cross-document findings.</summary>
public interface IStoryPass
{
    string Name { get; }
    Story Apply(Story story);
}
