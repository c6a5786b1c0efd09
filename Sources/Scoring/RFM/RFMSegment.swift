/// Named RFM segments. Every one of the 125 (R, F, M) combinations belongs to exactly one segment.
///
/// Seed 001's anchors: 555 is Champions, 4x4+ (R = 4, any F, M ≥ 4) is Loyal, 2x2− (R = 2, any F, M ≤ 2) is At risk,
/// 111 is Lost. The full rule set, as checked by `contains(_:)`:
///
/// | segment | rule |
/// |---|---|
/// | Champions | R = 5, F ≥ 4, M ≥ 4 |
/// | Loyal | R = 4, M ≥ 4 |
/// | Potential loyalist | R = 5, F ≥ 2, not (F ≥ 4 and M ≥ 4); or R = 4, F ≥ 2, M ≤ 3 |
/// | New | R = 5, F = 1 |
/// | Promising | R = 4, F = 1, M ≤ 3 |
/// | Need attention | R = 3, F ≥ 3 |
/// | About to sleep | R = 3, F ≤ 2 |
/// | At risk | R = 2, not (F ≥ 4 and M ≥ 4) |
/// | Can't lose them | R ≤ 2, F ≥ 4, M ≥ 4 |
/// | Hibernating | R = 1, not (F ≥ 4 and M ≥ 4), not (F ≤ 2 and M ≤ 2) |
/// | Lost | R = 1, F ≤ 2, M ≤ 2 |
public enum RFMSegment: String, Codable, Sendable, CaseIterable, Hashable {
    case champions = "champions"
    case loyal = "loyal"
    case potentialLoyalist = "potential_loyalist"
    case new = "new"
    case promising = "promising"
    case needAttention = "need_attention"
    case aboutToSleep = "about_to_sleep"
    case atRisk = "at_risk"
    case cantLoseThem = "cant_lose_them"
    case hibernating = "hibernating"
    case lost = "lost"

    /// The segment a score falls in.
    public init(score: RFMScore) {
        self = Self.allCases.first { $0.contains(score) } ?? .lost
    }

    /// Whether the segment's rule holds for a score (see the table in the type's documentation).
    public func contains(_ score: RFMScore) -> Bool {
        let r = score.recency
        let f = score.frequency
        let m = score.monetary
        let highFM = f >= 4 && m >= 4
        switch self {
        case .champions: return r == 5 && highFM
        case .loyal: return r == 4 && m >= 4
        case .potentialLoyalist: return (r == 5 && f >= 2 && !highFM) || (r == 4 && f >= 2 && m <= 3)
        case .new: return r == 5 && f == 1
        case .promising: return r == 4 && f == 1 && m <= 3
        case .needAttention: return r == 3 && f >= 3
        case .aboutToSleep: return r == 3 && f <= 2
        case .atRisk: return r == 2 && !highFM
        case .cantLoseThem: return r <= 2 && highFM
        case .hibernating: return r == 1 && !highFM && !(f <= 2 && m <= 2)
        case .lost: return r == 1 && f <= 2 && m <= 2
        }
    }

    /// The segment's name in English or French.
    public func name(in locale: ScoringLocale) -> String {
        switch locale {
        case .english: englishName
        case .french: frenchName
        }
    }

    private var englishName: String {
        switch self {
        case .champions: "Champions"
        case .loyal: "Loyal"
        case .potentialLoyalist: "Potential loyalist"
        case .new: "New"
        case .promising: "Promising"
        case .needAttention: "Need attention"
        case .aboutToSleep: "About to sleep"
        case .atRisk: "At risk"
        case .cantLoseThem: "Can't lose them"
        case .hibernating: "Hibernating"
        case .lost: "Lost"
        }
    }

    private var frenchName: String {
        switch self {
        case .champions: "Champions"
        case .loyal: "Fidèles"
        case .potentialLoyalist: "Fidèles potentiels"
        case .new: "Nouveaux"
        case .promising: "Prometteurs"
        case .needAttention: "À surveiller"
        case .aboutToSleep: "En train de s'endormir"
        case .atRisk: "À risque"
        case .cantLoseThem: "À ne pas perdre"
        case .hibernating: "En hibernation"
        case .lost: "Perdus"
        }
    }
}
