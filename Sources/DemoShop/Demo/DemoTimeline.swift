/// The demo's span of time in whole seconds since 1970, and how to place moments in it at human hours.
struct DemoTimeline: Sendable {
    /// The first moment of the history.
    let start: Int64
    /// The present: nothing happens after it.
    let end: Int64

    static let day: Int64 = 86_400
    static let hour: Int64 = 3_600

    var span: Int64 { max(0, end - start) }

    /// The moment at a fraction of the history (0 = start, 1 = now).
    func moment(at fraction: Double) -> Int64 { start + Int64(Double(span) * min(1, max(0, fraction))) }

    /// The same local day as `moment`, at a waking hour (mostly lunch and evening) in a zone `offsetHours` ahead of UTC.
    func atWakingHour(_ moment: Int64, offsetHours: Int, _ random: inout DemoRandom) -> Int64 {
        let offset = Int64(offsetHours) * Self.hour
        let localDay = (moment + offset).floorDivided(by: Self.day)
        let hour = Self.wakingHours[random.weighted(Self.hourWeights)]
        let second = Int64(hour) * Self.hour + Int64(random.int(0...3_599))
        return max(start, localDay * Self.day + second - offset)
    }

    private static let wakingHours = Array(7...23)
    private static let hourWeights: [Double] = [1, 2, 3, 3, 3, 4, 5, 4, 3, 3, 4, 5, 6, 7, 7, 5, 3]
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
