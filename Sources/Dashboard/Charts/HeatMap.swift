import Foundation

/// The 5×5 RFM grid: recency score across (1 → 5), frequency score up (1 → 5), each cell shaded by its count and
/// labelled with the count and revenue.
public struct HeatMap: Sendable {
    public struct Cell: Sendable, Equatable {
        /// 1…5 each.
        public var recency: Int
        public var frequency: Int
        public var count: Int
        public var countDisplay: String
        public var revenueDisplay: String

        public init(recency: Int, frequency: Int, count: Int, countDisplay: String, revenueDisplay: String) {
            self.recency = recency
            self.frequency = frequency
            self.count = count
            self.countDisplay = countDisplay
            self.revenueDisplay = revenueDisplay
        }
    }

    public var id: String
    public var title: String
    public var summary: String
    public var recencyLabel: String
    public var frequencyLabel: String
    public var countHeader: String
    public var revenueHeader: String
    public var cells: [Cell]
    public var size = 5

    public init(
        id: String, title: String, summary: String, recencyLabel: String, frequencyLabel: String, countHeader: String, revenueHeader: String,
        cells: [Cell]
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.recencyLabel = recencyLabel
        self.frequencyLabel = frequencyLabel
        self.countHeader = countHeader
        self.revenueHeader = revenueHeader
        self.cells = cells
    }

    /// The fill of a cell: from near-white to the accent colour by its share of the largest count.
    public static func shade(count: Int, largest: Int) -> String {
        guard largest > 0, count > 0 else { return "#f3f5f9" }
        let share = min(1, Double(count) / Double(largest))
        let mix = { (light: Double, dark: Double) in Int((light + (dark - light) * share).rounded()) }
        return String(format: "#%02x%02x%02x", mix(232, 36), mix(238, 81), mix(251, 201))
    }

    public func draw() -> Chart {
        let cellSize = 96.0, left = 44.0, top = 8.0, bottom = 44.0
        let width = left + cellSize * Double(size) + 8
        let height = top + cellSize * Double(size) + bottom
        let byPosition = Dictionary(cells.map { ("\($0.recency)-\($0.frequency)", $0) }) { first, _ in first }
        let largest = cells.map(\.count).max() ?? 0
        var svg = SVG.open(id: id, width: width, height: height, title: title, summary: summary)
        for frequency in 1...size {
            for recency in 1...size {
                let cell = byPosition["\(recency)-\(frequency)"]
                let count = cell?.count ?? 0
                let x = left + cellSize * Double(recency - 1)
                let y = top + cellSize * Double(size - frequency)
                let fill = Self.shade(count: count, largest: largest)
                let ink = largest > 0 && Double(count) / Double(largest) > 0.55 ? "#ffffff" : "#1d2330"
                let tip = "R\(recency) F\(frequency) — \(countHeader): \(cell?.countDisplay ?? "0"); \(revenueHeader): \(cell?.revenueDisplay ?? "–")"
                svg += "<g data-tip=\"\(SVG.escape(tip))\"><title>\(SVG.escape(tip))</title>"
                svg += "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(cellSize - 2))\" height=\"\(SVG.number(cellSize - 2))\" "
                    + "fill=\"\(fill)\"/>"
                svg += "<text x=\"\(SVG.number(x + cellSize / 2))\" y=\"\(SVG.number(y + cellSize / 2 - 4))\" text-anchor=\"middle\" "
                    + "font-size=\"16\" font-weight=\"600\" fill=\"\(ink)\">\(SVG.escape(cell?.countDisplay ?? "0"))</text>"
                svg += "<text x=\"\(SVG.number(x + cellSize / 2))\" y=\"\(SVG.number(y + cellSize / 2 + 16))\" text-anchor=\"middle\" "
                    + "font-size=\"11\" fill=\"\(ink)\">\(SVG.escape(cell?.revenueDisplay ?? ""))</text></g>"
            }
        }
        for index in 1...size {
            let x = left + cellSize * (Double(index) - 0.5)
            let y = top + cellSize * (Double(size - index) + 0.5)
            svg += "<text x=\"\(SVG.number(x))\" y=\"\(SVG.number(top + cellSize * Double(size) + 16))\" text-anchor=\"middle\" font-size=\"12\" "
                + "fill=\"#5b6577\">\(index)</text>"
            svg += "<text x=\"\(SVG.number(left - 10))\" y=\"\(SVG.number(y + 4))\" text-anchor=\"end\" font-size=\"12\" fill=\"#5b6577\">\(index)</text>"
        }
        svg += "<text x=\"\(SVG.number(left + cellSize * Double(size) / 2))\" y=\"\(SVG.number(height - 6))\" text-anchor=\"middle\" "
            + "font-size=\"12\" fill=\"#5b6577\">\(SVG.escape(recencyLabel)) →</text>"
        svg += "<text x=\"12\" y=\"\(SVG.number(top + cellSize * Double(size) / 2))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#5b6577\" "
            + "transform=\"rotate(-90 12 \(SVG.number(top + cellSize * Double(size) / 2)))\">\(SVG.escape(frequencyLabel)) →</text>"
        svg += "</svg>"
        let rows = cells.sorted { ($0.frequency, $0.recency) > ($1.frequency, $1.recency) }.map { cell in
            ["R\(cell.recency) F\(cell.frequency)", cell.countDisplay, cell.revenueDisplay]
        }
        return Chart(title: title, summary: summary, svg: svg, columns: ["", countHeader, revenueHeader], rows: rows)
    }
}
