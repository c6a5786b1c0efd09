import AutopilotCore
import Content
import Foundation

/// Numbers as the letter writes them, the same on every machine: `1,234.50 EUR` in English, `1 234,50 EUR` in French.
struct DemoNumberFormat {
    let language: ContentLanguage

    func int(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += language == .french ? " " : "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    func decimal(_ value: Double, _ places: Int = 2) -> String {
        let safe = value.isFinite ? value : 0
        let scale = pow(10, Double(places))
        let scaled = Int((abs(safe) * scale).rounded())
        let whole = int(scaled / Int(scale))
        let fraction = String(scaled % Int(scale))
        let text = places > 0 ? whole + (language == .french ? "," : ".") + String(repeating: "0", count: places - fraction.count) + fraction : whole
        return (safe < 0 && scaled > 0 ? "-" : "") + text
    }

    func money(_ value: Double, _ currency: String) -> String { decimal(value) + " " + currency }

    /// A fraction in [0, 1] as a percentage with one decimal below 10 %.
    func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        return (value < 10 ? decimal(value, 1) : int(Int(value.rounded()))) + (language == .french ? " %" : "%")
    }

    /// A day as `2026-12-20` (the same in both languages).
    func day(_ date: Date) -> String {
        String(Timestamp.format(date).prefix(10))
    }
}
