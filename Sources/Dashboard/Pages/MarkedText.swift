import Foundation
import Scoring

/// A text cut into plain and marked pieces, for `<mark>` around the words a lead's fields came from. Pure.
struct MarkedText: Equatable {
    /// A piece of the text; `field` names the field a marked piece supports (nil: plain text).
    struct Piece: Equatable {
        var text: String
        var field: String?
    }

    let pieces: [Piece]

    /// Cuts `text` at the ranges (character offsets in `text`, shifted left by `offset`: the ranges may count from a
    /// longer text that `text` ends). Ranges outside the text, empty, or overlapping an earlier one are left out.
    init(_ text: String, marks: [(field: String, range: EvidenceRange)], offset: Int = 0) {
        let shifted = marks.compactMap { mark -> (field: String, range: EvidenceRange)? in
            let range = EvidenceRange(start: mark.range.start - offset, end: mark.range.end - offset)
            guard mark.range.start >= offset, range.end > range.start else { return nil }
            return (mark.field, range)
        }.sorted { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
        var pieces: [Piece] = []
        var position = text.startIndex
        for mark in shifted {
            guard let bounds = mark.range.range(in: text), bounds.lowerBound >= position else { continue }
            if position < bounds.lowerBound { pieces.append(Piece(text: String(text[position..<bounds.lowerBound]))) }
            pieces.append(Piece(text: String(text[bounds]), field: mark.field))
            position = bounds.upperBound
        }
        if position < text.endIndex { pieces.append(Piece(text: String(text[position...]))) }
        self.pieces = pieces
    }

    /// The pieces as template values: `text`, `marked`, `field`.
    var templateValues: [[String: Any]] {
        pieces.map { ["text": $0.text, "marked": $0.field != nil, "field": $0.field ?? ""] }
    }
}
