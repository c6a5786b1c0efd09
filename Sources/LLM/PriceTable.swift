import Foundation

/// The list price of one model, in US dollars per million tokens.
public struct ModelPrice: Sendable, Hashable, Codable {
    public var inputPerMillion: Double
    public var outputPerMillion: Double

    public init(inputPerMillion: Double, outputPerMillion: Double) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
    }
}

/// Prices per model, to turn token counts into money.
public struct PriceTable: Sendable, Hashable {
    public var prices: [String: ModelPrice]

    public init(prices: [String: ModelPrice]) {
        self.prices = prices
    }

    /// Illustrative list prices of the default models at the time of writing; set `AUTOPILOT_LLM_PRICES` to your own.
    public static let defaults = PriceTable(prices: [
        "grok-4-1-fast-reasoning": ModelPrice(inputPerMillion: 0.20, outputPerMillion: 0.50),
        "gpt-5.2": ModelPrice(inputPerMillion: 1.75, outputPerMillion: 14.00),
        "gemini-3-flash-preview": ModelPrice(inputPerMillion: 0.50, outputPerMillion: 3.00),
        "claude-sonnet-4-20250514": ModelPrice(inputPerMillion: 3.00, outputPerMillion: 15.00),
    ])

    /// The price of `model`: an exact match, else the longest configured name the model starts with
    /// (so "gpt-5.2-2025-12-11" uses "gpt-5.2"), else nil.
    public func price(for model: String) -> ModelPrice? {
        if let exact = prices[model] { return exact }
        let prefix = prices.keys.filter { model.hasPrefix($0) }.max(by: { $0.count < $1.count })
        return prefix.flatMap { prices[$0] }
    }

    /// The cost in US dollars of `usage` on `model`; 0 for an unpriced model.
    public func cost(model: String, usage: TokenUsage) -> Double {
        guard let price = price(for: model) else { return 0 }
        let cost = (Double(max(0, usage.input)) * price.inputPerMillion + Double(max(0, usage.output)) * price.outputPerMillion) / 1_000_000
        return cost.isFinite ? cost : 0
    }

    /// Parses `model=input:output` entries separated by `;` or `,` (dollars per million tokens), over `base`.
    public static func parse(_ text: String, over base: PriceTable = .defaults) throws(LLMError) -> PriceTable {
        var table = base
        for entry in text.split(whereSeparator: { $0 == ";" || $0 == "," }) {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let amounts = parts.count == 2 ? parts[1].split(separator: ":").compactMap { Double($0) } : []
            guard parts.count == 2, !parts[0].isEmpty, amounts.count == 2, amounts.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw LLMError(.configuration, "AUTOPILOT_LLM_PRICES: \"\(entry)\" is not model=input:output in dollars per million tokens")
            }
            table.prices[parts[0]] = ModelPrice(inputPerMillion: amounts[0], outputPerMillion: amounts[1])
        }
        return table
    }
}
