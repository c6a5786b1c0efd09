/// The order of the daily list: the largest expected value first; equal values (often 0, for contacts with nothing to
/// go on) by urgency (`Recommendation.isMoreUrgent`), so the order never depends on the input's.
public enum ValueOrder {
    public static func ranked(_ recommendations: [Recommendation]) -> [Recommendation] {
        recommendations.sorted { lhs, rhs in
            if lhs.expectedValue.amount != rhs.expectedValue.amount { return lhs.expectedValue.amount > rhs.expectedValue.amount }
            return Recommendation.isMoreUrgent(lhs, than: rhs)
        }
    }
}
