import Synchronization

/// Randomness as an input (retry jitter).
public protocol RandomSource: Sendable {
    /// A number in [0, 1).
    func nextUnit() -> Double
}

/// A deterministic SplitMix64 generator: the same seed gives the same sequence.
public final class SeededRandomSource: RandomSource {
    private let state: Mutex<UInt64>

    public init(seed: UInt64) {
        state = Mutex(seed)
    }

    /// A generator seeded from the system's random source, for live use.
    public static func live() -> SeededRandomSource {
        var generator = SystemRandomNumberGenerator()
        return SeededRandomSource(seed: generator.next())
    }

    public func nextUnit() -> Double {
        let bits = state.withLock { value -> UInt64 in
            value &+= 0x9E37_79B9_7F4A_7C15
            var mixed = value
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
        return Double(bits >> 11) / Double(UInt64(1) << 53)
    }
}
