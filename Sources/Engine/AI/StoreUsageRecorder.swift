import AutopilotCore
import Channels
import Foundation
import LLM
import Logging
import Storage
import Synchronization

/// Keeps the gateway's accounting in the store (`llm_calls`) and reads a tenant's monthly spend back from it. When a
/// tenant reaches the warning or the stop of its monthly budget, the team hears it once per month and level (Slack when
/// `SLACK_WEBHOOK_URL` is set, the log otherwise); the notice is kept in `generated_texts` (`budget:LEVEL:YYYY-MM`).
struct StoreUsageRecorder: LLMUsageRecorder {
    let store: any LLMCallStore
    let logger: Logger
    var slack: SlackWebhook? = nil
    private let told = BudgetNotices()

    init(store: any LLMCallStore, logger: Logger, slack: SlackWebhook? = nil) {
        self.store = store
        self.logger = logger
        self.slack = slack
    }

    func budgetReached(_ status: BudgetStatus, tenant: String, spent: Double, limit: Double, month: UsageMonth) async {
        let subject = "budget:\(status.rawValue):\(String(format: "%04d-%02d", month.year, month.month))"
        let first = told.firstTime(tenant + "/" + subject)
        guard first else { return }
        do {
            if try await store.generatedText(subject: subject, tenantID: tenant) != nil { return }
            let text = Self.notice(status, tenant: tenant, spent: spent, limit: limit, month: month)
            try await store.recordGeneratedText(
                GeneratedTextRecord(
                    tenantID: tenant, subject: subject, feature: "budget_notice", provider: "offline", model: "rules", prompt: "",
                    details: ["text": .string(text), "spent_usd": .double(spent), "limit_usd": .double(limit)], createdAt: Date()))
            if let slack, case .failed(let reason, _, _) = await slack.post(text: text) {
                logger.error("budget notice not posted to Slack", metadata: ["tenant": "\(tenant)", "reason": "\(reason)"])
            } else if slack == nil {
                logger.warning("\(text)")
            }
        } catch {
            logger.error("budget notice not recorded", metadata: ["tenant": "\(tenant)", "error": "\(error)"])
        }
    }

    static func notice(_ status: BudgetStatus, tenant: String, spent: Double, limit: Double, month: UsageMonth) -> String {
        let amounts = String(format: "$%.2f of $%.2f", spent, limit)
        switch status {
        case .stopped:
            return
                "Autopilot: tenant \(tenant) reached 120% of its language-model budget for \(month) (\(amounts)). AI features now answer offline until next month or a higher budget."
        default:
            return "Autopilot: tenant \(tenant) reached its language-model budget for \(month) (\(amounts)). Calls continue up to 120%, then stop."
        }
    }

    func record(_ record: LLMUsageRecord) async {
        let call = LLMCallRecord(
            tenantID: record.tenant, feature: record.feature, provider: record.provider, model: record.model, inputTokens: record.inputTokens,
            outputTokens: record.outputTokens, costUSD: record.costUSD, latencyMilliseconds: record.latencyMilliseconds,
            outcome: record.outcome, httpStatus: record.httpStatus, calledAt: record.startedAt)
        do {
            try await store.recordLLMCall(call)
            if record.provider != OfflineProvider.name, let health = store as? any IntegrationHealthStore {
                var tally = IntegrationTally()
                if record.outcome == LLMUsageRecord.success {
                    tally.success("llm:" + record.provider, kind: .llm, at: record.startedAt)
                } else {
                    tally.failure(
                        "llm:" + record.provider, kind: .llm, at: record.startedAt,
                        error: record.outcome + (record.httpStatus.map { " (HTTP \($0))" } ?? ""))
                }
                try await health.recordIntegrationOutcomes(tally, at: record.startedAt)
            }
        } catch {
            // Accounting must not break the feature that called; the failure is visible in the logs.
            logger.error("llm call not recorded", metadata: ["tenant": "\(record.tenant)", "feature": "\(record.feature)", "error": "\(error)"])
        }
    }

    func monthlySpend(tenant: String, month: UsageMonth) async -> Double {
        let (start, end) = Self.bounds(of: month)
        do {
            return try await store.llmSpend(tenantID: tenant, from: start, to: end)
        } catch {
            logger.error("llm spend not read", metadata: ["tenant": "\(tenant)", "error": "\(error)"])
            return 0
        }
    }

    /// The first instant of `month` and of the month after it, in UTC.
    static func bounds(of month: UsageMonth) -> (start: Date, end: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let start = calendar.date(from: DateComponents(year: month.year, month: month.month, day: 1)) ?? .distantPast
        let end = calendar.date(byAdding: .month, value: 1, to: start) ?? .distantFuture
        return (start, end)
    }
}

/// The budget notices this process already gave (the store keeps them across restarts).
final class BudgetNotices: Sendable {
    private let given = Mutex<Set<String>>([])

    func firstTime(_ key: String) -> Bool {
        given.withLock { $0.insert(key).inserted }
    }
}
