/// How a demo customer buys over the two years.
enum DemoSegment: Int, Sendable, CaseIterable {
    /// Frequent, regular repeat buyers who replenish consumables at their cycle.
    case loyal
    /// A few orders spread over the history.
    case occasional
    /// Bought for a while, then stopped long ago.
    case lapsed
    /// One order only.
    case oneTime
    /// Signed up (newsletter, account, cart) and never ordered.
    case neverBought

    static let weights: [Double] = [0.12, 0.25, 0.13, 0.2, 0.3]

    /// The part of the history (0 = start, 1 = now) in which the person signs up.
    var signupWindow: ClosedRange<Double> {
        switch self {
        case .loyal: 0...0.6
        case .lapsed: 0...0.4
        case .occasional: 0...0.85
        case .oneTime, .neverBought: 0...0.98
        }
    }
}
