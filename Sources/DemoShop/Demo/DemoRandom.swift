import AutopilotCore
import Foundation

/// A seeded source of the demo's choices, with the few draws the generator needs.
///
/// Its own arithmetic (rather than the standard library's `random(in:using:)`) keeps the output identical across toolchains.
struct DemoRandom {
    private var source: SplitMix64

    /// An independent stream for one unit of the demo (a contact, a lead, the catalog), so units do not depend on each other.
    init(seed: UInt64, stream: UInt64, salt: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03) ^ (salt &* 0x8CB9_2BA7_2F3D_8DD7))
        source = SplitMix64(seed: mixer.next())
    }

    mutating func next() -> UInt64 { source.next() }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(source.next() >> 11) * 0x1p-53 }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// Uniform in the range; the lower bound when the range is empty.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) &+ 1
        guard width > 1 else { return range.lowerBound }
        return range.lowerBound + Int(source.next() % width)
    }

    mutating func double(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    /// One of the items, or nil when there are none.
    mutating func pick<Element>(_ items: [Element]) -> Element? {
        items.isEmpty ? nil : items[Int(source.next() % UInt64(items.count))]
    }

    /// An index drawn in proportion to the weights (the last index when they sum to zero).
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var draw = unit() * total
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return max(0, weights.count - 1)
    }

    /// `count` decimal digits, the first one from `firstDigits` when given.
    mutating func digits(_ count: Int, first firstDigits: String = "") -> String {
        var text = ""
        text.reserveCapacity(count)
        if let first = firstDigits.isEmpty ? nil : pick(Array(firstDigits)) {
            text.append(first)
        }
        while text.count < count { text.append(Character(Unicode.Scalar(UInt8(48 + source.next() % 10)))) }
        return text
    }
}
