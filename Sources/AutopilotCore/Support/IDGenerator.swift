import Foundation
import Synchronization

/// Makes identifiers for new rows: a short kind prefix and a time-ordered unique part, e.g. `ct_01JD…`.
public protocol IDGenerator: Sendable {
    func make(_ prefix: String) -> String
}

/// Time-ordered random identifiers (48 bits of milliseconds, 80 random bits, Crockford base 32), like ULIDs.
///
/// The random part comes from a fast generator seeded once from the system's entropy (a system call per id showed in
/// ingestion profiles). Ids are unique, not secret: API keys use the system generator directly.
public final class RandomIDGenerator: IDGenerator {
    public let clock: any Clock
    private let random: Mutex<SplitMix64>

    public init(clock: any Clock = SystemClock()) {
        self.clock = clock
        var system = SystemRandomNumberGenerator()
        random = Mutex(SplitMix64(seed: system.next()))
    }

    public func make(_ prefix: String) -> String {
        let milliseconds = UInt64(max(0, clock.now().timeIntervalSince1970 * 1000))
        let low = random.withLock { $0.next() }
        return prefix + "_" + CrockfordBase32.encode(high: milliseconds, low: low, randomBits: 80)
    }
}

/// Deterministic identifiers from a seed: the demo and tests get the same ids on every run.
public final class SeededIDGenerator: IDGenerator {
    private let state: Mutex<UInt64>

    public init(seed: UInt64) { state = Mutex(seed) }

    public func make(_ prefix: String) -> String {
        let (counter, random) = state.withLock { value -> (UInt64, UInt64) in
            value &+= 1
            return (value, SplitMix64.mix(value))
        }
        return prefix + "_" + CrockfordBase32.encode(high: counter, low: random, randomBits: 80)
    }
}

enum CrockfordBase32 {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// 10 characters from the 48 low bits of `high`, then 16 from `randomBits` bits of `low` (repeated when needed).
    static func encode(high: UInt64, low: UInt64, randomBits: Int) -> String {
        var bytes = [UInt8](repeating: 0, count: 26)
        var time = high & 0xFFFF_FFFF_FFFF
        for index in stride(from: 9, through: 0, by: -1) {
            bytes[index] = alphabet[Int(time & 31)]
            time >>= 5
        }
        var random = low
        var extra = SplitMix64.mix(low)
        for index in 10..<26 {
            if index == 22 { random = extra; extra = 0 }
            bytes[index] = alphabet[Int(random & 31)]
            random >>= 5
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A tiny, fast, seedable pseudo-random generator (SplitMix64).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
