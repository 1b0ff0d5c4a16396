namespace Crosscheck.Core.Cluster;

/// <summary>B-cubed precision, recall and F1 of a clustering against gold labels (Bagga and Baldwin, 1998).</summary>
public static class BCubed
{
    public static (double Precision, double Recall, double F1) Score(IReadOnlyList<int> predicted, IReadOnlyList<string> gold)
    {
        int n = predicted.Count;
        if (n == 0) return (1, 1, 1);
        double p = 0, r = 0;
        for (int i = 0; i < n; i++)
        {
            int sameCluster = 0, sameLabel = 0, both = 0;
            for (int j = 0; j < n; j++)
            {
                bool c = predicted[j] == predicted[i], l = gold[j] == gold[i];
                if (c) sameCluster++;
                if (l) sameLabel++;
                if (c && l) both++;
            }
            p += (double)both / sameCluster;
            r += (double)both / sameLabel;
        }
        p /= n; r /= n;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
