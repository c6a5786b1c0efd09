import Foundation
import Testing

@testable import Dashboard

@Suite("Dashboard — SVG charts")
struct ChartTests {
    @Test func barsAreProportionalAndLabelledForScreenReaders() {
        let chart = BarChart(
            id: "c1", title: "Revenue <by> flow", summary: "Each flow's revenue", valueHeader: "This week",
            bars: [
                .init(label: "Abandoned cart", value: 100, display: "100 €"), .init(label: "Win-back & co", value: 50, display: "50 €"),
            ]
        ).draw()
        #expect(chart.svg.hasPrefix("<svg"))
        #expect(chart.svg.contains("role=\"img\""))
        #expect(chart.svg.contains("<title id=\"c1-title\">Revenue &lt;by&gt; flow</title>"))
        #expect(chart.svg.contains("<desc id=\"c1-desc\">Each flow&#39;s revenue</desc>"))
        #expect(chart.svg.contains("Win-back &amp; co"))
        let heights = Self.attribute("height", in: chart.svg, element: "rect")
        #expect(heights.count == 2)
        #expect(heights[0] == 2 * heights[1])
        #expect(chart.rows == [["Abandoned cart", "100 €"], ["Win-back & co", "50 €"]])
        #expect(chart.tableHTML.contains("<th scope=\"row\">Win-back &amp; co</th>"))
    }

    @Test func pairedBarsCarryLastWeekToo() {
        let chart = BarChart(
            id: "c2", title: "t", summary: "s", valueHeader: "Now", previousHeader: "Before",
            bars: [.init(label: "A", value: 10, display: "10", previous: 20, previousDisplay: "20")]
        ).draw()
        #expect(chart.columns == ["", "Now", "Before"])
        #expect(chart.rows == [["A", "10", "20"]])
        #expect(Self.attribute("height", in: chart.svg, element: "rect").count == 2)
    }

    @Test func anEmptyChartStillDrawsAValidSVG() {
        let chart = BarChart(id: "e", title: "Nothing", summary: "No data", valueHeader: "v", bars: []).draw()
        #expect(chart.svg.hasSuffix("</svg>"))
        #expect(chart.rows.isEmpty)
        let line = LineChart(id: "l", title: "t", summary: "s", valueHeader: "v", points: []).draw()
        #expect(line.svg.hasSuffix("</svg>"))
    }

    @Test func aLineGoesThroughEveryPointInOrder() {
        let chart = LineChart(
            id: "l", title: "t", summary: "s", valueHeader: "Sent",
            points: [.init(label: "Mon", value: 0, display: "0"), .init(label: "Tue", value: 10, display: "10"), .init(label: "Wed", value: 5, display: "5")]
        ).draw()
        let cy = Self.attribute("cy", in: chart.svg, element: "circle")
        #expect(cy.count == 3)
        #expect(cy[1] < cy[2] && cy[2] < cy[0], "higher values sit higher")
        #expect(chart.svg.contains("<polyline"))
    }

    @Test func theRFMHeatMapHasTwentyFiveCellsShadedByCount() {
        var cells: [HeatMap.Cell] = []
        for r in 1...5 { for f in 1...5 { cells.append(.init(recency: r, frequency: f, count: r * f, countDisplay: "\(r * f)", revenueDisplay: "€\(r * f)")) } }
        let chart = HeatMap(
            id: "rfm", title: "RFM", summary: "s", recencyLabel: "Recency", frequencyLabel: "Frequency", countHeader: "Customers",
            revenueHeader: "Revenue", cells: cells
        ).draw()
        #expect(Self.attribute("width", in: chart.svg, element: "rect").count == 25)
        #expect(chart.rows.count == 25)
        #expect(chart.rows.first == ["R5 F5", "25", "€25"])
        #expect(HeatMap.shade(count: 25, largest: 25) == "#2451c9")
        #expect(HeatMap.shade(count: 0, largest: 25) == "#f3f5f9")
    }

    @Test func aFunnelShowsTheShareKeptAtEachStage() {
        let chart = FunnelChart(
            id: "f", title: "Funnel", summary: "s", countHeader: "People", shareHeader: "Kept",
            stages: [.init(label: "Sent", count: 200, display: "200"), .init(label: "Opened", count: 100, display: "100"),
                     .init(label: "Ordered", count: 0, display: "0")],
            percent: { "\(Int(($0 * 100).rounded())) %" }
        ).draw()
        #expect(chart.rows == [["Sent", "200", "–"], ["Opened", "100", "50 %"], ["Ordered", "0", "0 %"]])
        let widths = Self.attribute("width", in: chart.svg, element: "rect")
        #expect(widths[0] == 2 * widths[1])
    }

    @Test func numbersAreShortAndAxesRound() {
        #expect(SVG.number(12.345) == "12.3")
        #expect(SVG.number(3) == "3")
        #expect(SVG.number(.nan) == "0")
        #expect(SVG.niceMaximum(730) == 1000)
        #expect(SVG.niceMaximum(180) == 200)
        #expect(SVG.niceMaximum(0) == 1)
    }

    /// The numeric values of `name` on every `<element …>` in order.
    static func attribute(_ name: String, in svg: String, element: String) -> [Double] {
        svg.components(separatedBy: "<\(element) ").dropFirst().compactMap { part in
            guard let range = part.range(of: " \(name)=\"") ?? part.range(of: "\(name)=\"") else { return nil }
            return Double(part[range.upperBound...].prefix { $0 != "\"" })
        }
    }
}
