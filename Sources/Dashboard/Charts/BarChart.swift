import Foundation

/// Vertical bars, one per label, optionally paired with a second series (this week against last week).
public struct BarChart: Sendable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        public var previous: Double?
        /// The value as people read it (`1 234 €`), for the tooltip and the table.
        public var display: String
        public var previousDisplay: String?

        public init(label: String, value: Double, display: String, previous: Double? = nil, previousDisplay: String? = nil) {
            self.label = label
            self.value = value
            self.display = display
            self.previous = previous
            self.previousDisplay = previousDisplay
        }
    }

    public var id: String
    public var title: String
    public var summary: String
    public var valueHeader: String
    public var previousHeader: String?
    public var bars: [Bar]
    public var width = 640.0
    public var height = 260.0

    public init(id: String, title: String, summary: String, valueHeader: String, previousHeader: String? = nil, bars: [Bar]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.valueHeader = valueHeader
        self.previousHeader = previousHeader
        self.bars = bars
    }

    public func draw() -> Chart {
        let left = 12.0, right = 12.0, top = 12.0, bottom = 44.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let largest = bars.flatMap { [$0.value, $0.previous ?? 0] }.max() ?? 0
        let maximum = SVG.niceMaximum(largest)
        let slot = bars.isEmpty ? plotWidth : plotWidth / Double(bars.count)
        let paired = bars.contains { $0.previous != nil }
        let barWidth = max(2, slot * (paired ? 0.36 : 0.6))
        var svg = SVG.open(id: id, width: width, height: height, title: title, summary: summary)
        svg += "<line class=\"axis\" x1=\"\(SVG.number(left))\" y1=\"\(SVG.number(top + plotHeight))\" x2=\"\(SVG.number(width - right))\" "
            + "y2=\"\(SVG.number(top + plotHeight))\" stroke=\"#c7cdd8\"/>"
        for (index, bar) in bars.enumerated() {
            let center = left + slot * (Double(index) + 0.5)
            if let previous = bar.previous {
                let h = plotHeight * max(0, previous) / maximum
                let tip = "\(bar.label) — \(previousHeader ?? ""): \(bar.previousDisplay ?? "")"
                svg += rect(x: center - barWidth - 1, y: top + plotHeight - h, width: barWidth, height: h, fill: "#b8c4e6", tip: tip)
            }
            let h = plotHeight * max(0, bar.value) / maximum
            let x = paired ? center + 1 : center - barWidth / 2
            svg += rect(x: x, y: top + plotHeight - h, width: barWidth, height: h, fill: "#2451c9", tip: "\(bar.label) — \(valueHeader): \(bar.display)")
            svg += "<text x=\"\(SVG.number(center))\" y=\"\(SVG.number(height - bottom + 18))\" text-anchor=\"middle\" font-size=\"12\" "
                + "fill=\"#5b6577\">\(SVG.escape(Self.shorten(bar.label)))</text>"
        }
        svg += "</svg>"
        var columns = ["", valueHeader]
        if let previousHeader, paired { columns.append(previousHeader) }
        let rows = bars.map { bar in [bar.label, bar.display] + (paired ? [bar.previousDisplay ?? "–"] : []) }
        return Chart(title: title, summary: summary, svg: svg, columns: columns, rows: rows)
    }

    private func rect(x: Double, y: Double, width: Double, height: Double, fill: String, tip: String) -> String {
        "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\" "
            + "fill=\"\(fill)\" data-tip=\"\(SVG.escape(tip))\"><title>\(SVG.escape(tip))</title></rect>"
    }

    static func shorten(_ label: String, to length: Int = 14) -> String {
        label.count <= length ? label : String(label.prefix(length - 1)) + "…"
    }
}
