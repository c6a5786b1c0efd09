import Foundation

/// A line over time (or any ordered labels), with a point per value.
public struct LineChart: Sendable {
    public struct Point: Sendable, Equatable {
        public var label: String
        public var value: Double
        public var display: String

        public init(label: String, value: Double, display: String) {
            self.label = label
            self.value = value
            self.display = display
        }
    }

    public var id: String
    public var title: String
    public var summary: String
    public var valueHeader: String
    public var points: [Point]
    public var width = 640.0
    public var height = 240.0

    public init(id: String, title: String, summary: String, valueHeader: String, points: [Point]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.valueHeader = valueHeader
        self.points = points
    }

    public func draw() -> Chart {
        let left = 12.0, right = 12.0, top = 14.0, bottom = 40.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let low = min(0, points.map(\.value).min() ?? 0)
        let high = SVG.niceMaximum(max(points.map(\.value).max() ?? 0, 0))
        let span = max(high - low, 1e-9)
        func x(_ index: Int) -> Double { points.count < 2 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - low) / span) }
        var svg = SVG.open(id: id, width: width, height: height, title: title, summary: summary)
        svg += "<line x1=\"\(SVG.number(left))\" y1=\"\(SVG.number(y(0)))\" x2=\"\(SVG.number(width - right))\" y2=\"\(SVG.number(y(0)))\" "
            + "stroke=\"#c7cdd8\"/>"
        if points.count > 1 {
            let path = points.enumerated().map { index, point in "\(SVG.number(x(index))),\(SVG.number(y(point.value)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#2451c9\" stroke-width=\"2\"/>"
        }
        let labelEvery = max(1, points.count / 6)
        for (index, point) in points.enumerated() {
            let tip = "\(point.label) — \(valueHeader): \(point.display)"
            svg += "<circle cx=\"\(SVG.number(x(index)))\" cy=\"\(SVG.number(y(point.value)))\" r=\"4\" fill=\"#2451c9\" "
                + "data-tip=\"\(SVG.escape(tip))\"><title>\(SVG.escape(tip))</title></circle>"
            if index % labelEvery == 0 || index == points.count - 1 {
                svg += "<text x=\"\(SVG.number(x(index)))\" y=\"\(SVG.number(height - bottom + 18))\" text-anchor=\"middle\" font-size=\"12\" "
                    + "fill=\"#5b6577\">\(SVG.escape(point.label))</text>"
            }
        }
        svg += "</svg>"
        return Chart(title: title, summary: summary, svg: svg, columns: ["", valueHeader], rows: points.map { [$0.label, $0.display] })
    }
}
