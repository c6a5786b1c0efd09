import Foundation
import LLM
import Logging
import Storage

/// Keeps the gateway's accounting in the store (`llm_calls`) and reads a tenant's monthly spend back from it.
struct StoreUsageRecorder: LLMUsageRecorder {
    let store: any LLMCallStore
    let logger: Logger

    func record(_ record: LLMUsageRecord) async {
        let call = LLMCallRecord(
            tenantID: record.tenant, feature: record.feature, provider: record.provider, model: record.model, inputTokens: record.inputTokens,
            outputTokens: record.outputTokens, costUSD: record.costUSD, latencyMilliseconds: record.latencyMilliseconds,
            outcome: record.outcome, httpStatus: record.httpStatus, calledAt: record.startedAt)
        do {
            try await store.recordLLMCall(call)
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
