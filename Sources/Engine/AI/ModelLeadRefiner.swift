import AutopilotCore
import Foundation
import LLM
import Scoring

/// Lead refinement through the gateway: the model reads the lead's text, knowing what the rules found, and answers the
/// BANT fields as structured JSON, each with the words it relied on. The rules keep every field they read from explicit
/// text (`LeadFields.merging`); the model fills the others and its fields say `source: model`. An offline answer has no
/// opinion (the rules stand alone).
public struct ModelLeadRefiner: LeadRefiner {
    public static let feature = "lead_refinement"

    public let gateway: LLMGateway
    public let tenantID: String

    public init(gateway: LLMGateway, tenantID: String) {
        self.gateway = gateway
        self.tenantID = tenantID
    }

    public func refine(_ text: String, rules: LeadFields) async throws -> LeadRefinement {
        let known: JSONObject = [
            "budget": rules.budget.map { .string("\($0.amount) \($0.currency.rawValue) per \($0.period.rawValue)") } ?? .null,
            "timeline": rules.timeline.map { .string($0.rawValue) } ?? .null,
            "decision_maker": rules.decisionMaker.map(JSONValue.bool) ?? .null,
        ]
        let prompt: JSONObject = ["lead_text": .string(text), "rules_found": .object(known)]
        let response = try await gateway.complete(
            LLMRequest(
                system: Self.system, messages: [.user(JSONValue.object(prompt).jsonString)],
                structuredOutput: StructuredOutput(name: "lead_bant", schema: Self.schema), temperature: 0, maxTokens: 600,
                timeout: .seconds(20), deadline: .seconds(40), feature: Self.feature, tenant: tenantID))
        guard response.provider != "offline", let answer = response.json ?? (try? JSONParser.parse(response.text)) else {
            throw AIFeatureError(code: "refinement_unavailable", message: "no model answered (\(response.offlineReason ?? response.provider))")
        }
        var refinement = Self.refinement(from: answer)
        refinement.model = "\(response.provider)/\(response.model)"
        return refinement
    }

    /// Reads the model's answer, keeping only well-formed fields (anything else is no opinion).
    static func refinement(from answer: JSONValue) -> LeadRefinement {
        var refinement = LeadRefinement()
        if let budget = answer["budget"], let amount = budget["amount"]?.doubleValue, amount.isFinite, amount >= 0,
            let currency = budget["currency"]?.stringValue.flatMap({ LeadCurrency(rawValue: $0.uppercased()) })
        {
            let period = budget["period"]?.stringValue.flatMap(BudgetPeriod.init(rawValue:)) ?? .month
            refinement.budget = ModelFinding(LeadBudget(amount: amount, currency: currency, period: period), quote: budget["quote"]?.stringValue)
        }
        if let timeline = answer["timeline"], let value = timeline["value"]?.stringValue.flatMap(LeadTimeline.init(rawValue:)) {
            refinement.timeline = ModelFinding(value, quote: timeline["quote"]?.stringValue)
        }
        if let field = answer["decision_maker"], case .bool(let value)? = field["value"] {
            refinement.decisionMaker = ModelFinding(value, quote: field["quote"]?.stringValue)
        }
        if let field = answer["fit"], case .bool(let value)? = field["value"] {
            refinement.fit = ModelFinding(value, quote: field["quote"]?.stringValue)
        }
        if let field = answer["engagement"], let value = field["value"]?.doubleValue, value.isFinite {
            refinement.engagement = ModelFinding(Int(max(0, min(10, value))), quote: field["quote"]?.stringValue)
        }
        return refinement
    }

    static let system = """
        You qualify B2B and e-commerce leads with BANT. Read the lead's text (French, English or mixed) and answer only \
        with JSON following the schema. For each field give the value and quote the exact words of the text it comes \
        from; use null when the text does not say. budget: the lower bound of a range, in the stated currency \
        (EUR, USD, GBP, CHF, CAD, MAD), per month or per year. timeline: immediate (this week or sooner), month, quarter, \
        later. decision_maker: true when the writer signs or decides, false when someone else does. fit: whether the \
        writer is a business that could buy a follow-up automation service. engagement: 10 when they ask to be contacted \
        or to meet, 5 when they ask questions, otherwise 0. Never invent a value the text does not support.
        """

    static let schema: JSONValue = {
        func finding(_ value: JSONValue) -> JSONValue {
            ["type": ["object", "null"], "properties": ["value": value, "quote": ["type": ["string", "null"]]], "required": ["value"]]
        }
        return [
            "type": "object",
            "properties": [
                "budget": [
                    "type": ["object", "null"],
                    "properties": [
                        "amount": ["type": "number"], "currency": ["enum": .array(LeadCurrency.allCases.map { .string($0.rawValue) })],
                        "period": ["enum": ["month", "year"]], "quote": ["type": ["string", "null"]],
                    ],
                    "required": ["amount", "currency"],
                ],
                "timeline": finding(["enum": ["immediate", "month", "quarter", "later"]]),
                "decision_maker": finding(["type": "boolean"]),
                "fit": finding(["type": "boolean"]),
                "engagement": finding(["enum": [0, 5, 10]]),
            ],
            "required": ["budget", "timeline", "decision_maker", "fit", "engagement"],
        ]
    }()
}
