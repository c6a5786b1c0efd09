import Foundation

/// A half-open range `[start, end)` in the original text, counted in `Character`s (what Swift's
/// `text.index(text.startIndex, offsetBy:)` counts; for text without combining marks or emoji
/// it equals the count of Unicode code points).
public struct EvidenceRange: Sendable, Codable, Hashable {
    /// Offset of the first character.
    public var start: Int
    /// Offset just past the last character.
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The `String.Index` range of this span in `text`, or nil when it lies outside the text.
    public func range(in text: String) -> Range<String.Index>? {
        guard start >= 0, end >= start,
            let lower = text.index(text.startIndex, offsetBy: start, limitedBy: text.endIndex),
            let upper = text.index(lower, offsetBy: end - start, limitedBy: text.endIndex)
        else { return nil }
        return lower..<upper
    }
}
