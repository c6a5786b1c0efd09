import AutopilotCore
import Conversation
import Scoring

/// What MAX does offline with a request: call one tool of the registry (saying what it does), or answer in words.
enum OfflinePlan: Sendable, Hashable {
    case call(tool: String, arguments: JSONValue, preface: String)
    case say(String)
}

/// The pure part of the offline assistant: a request, read by `AssistantIntentReader`, becomes a tool call or a plain
/// answer in the request's language. `offered` are the tools the caller may use (a read-only caller has no drafts).
enum OfflinePlanner {
    static func plan(_ request: String, offered: Set<String>) -> (OfflinePlan, ScoringLocale) {
        let reading = AssistantIntentReader().read(request)
        let words = OfflineWording.of(reading.language)
        let locale = reading.language.rawValue
        func call(_ tool: String, _ arguments: JSONValue, _ preface: String) -> OfflinePlan {
            offered.contains(tool) ? .call(tool: tool, arguments: arguments, preface: preface) : .say(words.notOffered)
        }
        let plan: OfflinePlan
        switch reading.intent {
        case .createTemplateDraft(let purpose, let channel):
            guard offered.contains("create_template_draft") else { return (.say(words.readOnlyDraft), reading.language) }
            let arguments: JSONValue = ["request": .string(request), "channel": .string(channel.rawValue), "locale": .string(locale)]
            plan = .call(tool: "create_template_draft", arguments: arguments, preface: words.draftPreface(purpose, channel))
        case .followUpsToday:
            plan = call("list_recommendations", ["limit": 10, "language": .string(locale)], "")
        case .contactSummary(.email(let email)?):
            plan = call("find_contact", ["email": .string(email)], "")
        case .contactSummary(.name(let name)?):
            plan = .say(words.needEmail(name))
        case .contactSummary(nil), .orderStatus(nil):
            plan = .say(reading.question ?? words.notUnderstood)
        case .orderStatus(let number?):
            plan = call("check_order_status", ["order_id": .string(number)], "")
        case .flowFigures(let flowID?):
            plan = call("flow_stats", ["flow_id": .string(flowID)], "")
        case .flowFigures(nil):
            plan = call("list_flows", [:], "")
        case .weeklyReport:
            plan = call("weekly_report", ["language": .string(locale)], "")
        case .unsupported(let reason):
            plan = .say(reason)
        }
        return (plan, reading.language)
    }
}
