import AutopilotCore
import Foundation

/// A chart drawn on the server: an SVG with a title and description for screen readers, and the same figures as a
/// table (the fallback shown under the chart, and what print and assistive technology read).
public struct Chart: Sendable, Equatable {
    public var title: String
    public var summary: String
    /// The `<svg>` element, its text escaped.
    public var svg: String
    /// Column headers and rows of the data table, as displayed text.
    public var columns: [String]
    public var rows: [[String]]

    public init(title: String, summary: String, svg: String, columns: [String], rows: [[String]]) {
        self.title = title
        self.summary = summary
        self.svg = svg
        self.columns = columns
        self.rows = rows
    }

    /// The chart's figures as an HTML table (escaped).
    public var tableHTML: String {
        let head = columns.map { "<th scope=\"col\">\(SVG.escape($0))</th>" }.joined()
        let body = rows.map { row in
            "<tr>" + row.enumerated().map { index, cell in
                index == 0 ? "<th scope=\"row\">\(SVG.escape(cell))</th>" : "<td class=\"num\">\(SVG.escape(cell))</td>"
            }.joined() + "</tr>"
        }.joined()
        return "<table><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table>"
    }
}

/// Small helpers to write SVG text safely and with stable numbers.
public enum SVG {
    /// Text and attribute values escaped for XML (the same five entities as HTML).
    public static func escape(_ text: String) -> String { MarkdownHTML.escape(text) }

    /// A coordinate with at most one decimal, no exponent: `12.5`, `0`, `-3`.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    /// The opening `<svg>` with its accessible title and description; `id` ties them to `aria-labelledby`.
    static func open(id: String, width: Double, height: Double, title: String, summary: String) -> String {
        let id = escape(id)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\"><title id=\"\(id)-title\">\(escape(title))</title>"
            + "<desc id=\"\(id)-desc\">\(escape(summary))</desc>"
    }

    /// A round maximum for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `value`.
    public static func niceMaximum(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let power = pow(10, floor(log10(value)))
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * power >= value { return step * power }
        return 10 * power
    }
}

extension Chart {
    /// What the `chart` partial reads (Mustache sees stored values only).
    var templateValues: [String: String] { ["svg": svg, "summary": summary, "title": title, "tableHTML": tableHTML] }
}
