import Foundation

/// A funnel: one horizontal bar per stage (runs started → sent → opened → clicked → ordered), each as wide as its
/// count against the first, with the share kept from the stage before.
public struct FunnelChart: Sendable {
    public struct Stage: Sendable, Equatable {
        public var label: String
        public var count: Int
        public var display: String

        public init(label: String, count: Int, display: String) {
            self.label = label
            self.count = count
            self.display = display
        }
    }

    public var id: String
    public var title: String
    public var summary: String
    public var countHeader: String
    public var shareHeader: String
    public var stages: [Stage]
    /// Formats a share (0…1) for people, e.g. `42 %`.
    public var percent: @Sendable (Double) -> String
    public var width = 640.0

    public init(
        id: String, title: String, summary: String, countHeader: String, shareHeader: String, stages: [Stage],
        percent: @escaping @Sendable (Double) -> String
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.countHeader = countHeader
        self.shareHeader = shareHeader
        self.stages = stages
        self.percent = percent
    }

    /// Share of each stage against the stage before (the first is nil).
    public var shares: [Double?] {
        stages.enumerated().map { index, stage in
            guard index > 0 else { return nil }
            let before = stages[index - 1].count
            return before > 0 ? Double(stage.count) / Double(before) : 0
        }
    }

    public func draw() -> Chart {
        let rowHeight = 40.0, labelWidth = 150.0, top = 6.0
        let height = top + rowHeight * Double(max(stages.count, 1)) + 6
        let first = max(stages.first?.count ?? 0, 1)
        let barSpace = width - labelWidth - 90
        var svg = SVG.open(id: id, width: width, height: height, title: title, summary: summary)
        let shares = shares
        for (index, stage) in stages.enumerated() {
            let y = top + rowHeight * Double(index)
            let length = max(2, barSpace * Double(stage.count) / Double(first))
            let share = shares[index].map { " (\(percent($0)))" } ?? ""
            let tip = "\(stage.label) — \(countHeader): \(stage.display)\(share)"
            svg += "<g data-tip=\"\(SVG.escape(tip))\"><title>\(SVG.escape(tip))</title>"
            svg += "<text x=\"0\" y=\"\(SVG.number(y + 24))\" font-size=\"13\" fill=\"#1d2330\">\(SVG.escape(BarChart.shorten(stage.label, to: 20)))</text>"
            svg += "<rect x=\"\(SVG.number(labelWidth))\" y=\"\(SVG.number(y + 6))\" width=\"\(SVG.number(length))\" height=\"\(SVG.number(rowHeight - 12))\" "
                + "rx=\"4\" fill=\"#2451c9\" opacity=\"\(SVG.number(1 - 0.12 * Double(index)))\"/>"
            svg += "<text x=\"\(SVG.number(labelWidth + length + 6))\" y=\"\(SVG.number(y + 24))\" font-size=\"12\" fill=\"#1d2330\">"
                + "\(SVG.escape(stage.display + share))</text></g>"
        }
        svg += "</svg>"
        let rows = stages.enumerated().map { index, stage in [stage.label, stage.display, shares[index].map(percent) ?? "–"] }
        return Chart(title: title, summary: summary, svg: svg, columns: ["", countHeader, shareHeader], rows: rows)
    }
}
