namespace Vixens.Lint.Diagnostics;

/// <summary>The Vixens maturity tiers (ADR-023), lowest first. A tier is reached when all its checks and all lower tiers' pass.</summary>
public enum MaturityTier
{
    Bronze = 1,
    Silver = 2,
    Gold = 3,
    Platinum = 4,
    Emerald = 5,
    Diamond = 6,
    Orichalcum = 7,
}
