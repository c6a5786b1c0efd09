import AutopilotCore
import Foundation

/// Turns a provider's non-2xx answer into an `LLMError` with the right code, per its documented error bodies.
public enum ProviderErrorClassifier {
    /// Classifies an HTTP error answer of `kind`.
    public static func classify(_ response: ProviderHTTPResponse, kind: ProviderKind, now: Date) -> LLMError {
        let body = try? JSONValue.parse(response.body)
        let error = body?["error"]
        let message = error?["message"]?.stringValue ?? String(decoding: response.body.prefix(200), as: UTF8.self)
        let retryAfter = response.header("retry-after").flatMap { RetryAfter.seconds($0, now: now) }
        let status = response.status
        let code: LLMError.Code
        switch status {
        case 402: code = .quotaExhausted
        case 408, 409: code = .retryableClient
        case 429: code = isQuotaExhausted(error: error, message: message, kind: kind) ? .quotaExhausted : .rateLimited
        case 401, 403: code = .authentication
        case 404: code = .notFound
        case 529: code = .overloaded
        case 500...599: code = error?["type"]?.stringValue == "overloaded_error" ? .overloaded : .server
        case 400 where kind == .anthropic && isAnthropicSpendLimit(error: error, message: message): code = .quotaExhausted
        case 400 where kind == .gemini && message.lowercased().contains("api key"): code = .authentication
        default: code = .badRequest
        }
        return LLMError(
            code, message.isEmpty ? "HTTP \(status)" : message, status: status, retryAfterSeconds: retryAfter,
            provider: kind.rawValue)
    }

    static func isQuotaExhausted(error: JSONValue?, message: String, kind: ProviderKind) -> Bool {
        let lowered = message.lowercased()
        switch kind {
        case .openai, .xai, .compatible:
            let quotaCodes: Set<String> = ["insufficient_quota", "billing_hard_limit_reached", "billing_not_active"]
            let code = error?["code"]?.stringValue ?? ""
            let type = error?["type"]?.stringValue ?? ""
            return quotaCodes.contains(code) || quotaCodes.contains(type) || lowered.contains("exceeded your current quota")
                || lowered.contains("credits")
        case .gemini:
            guard error?["status"]?.stringValue == "RESOURCE_EXHAUSTED", lowered.contains("quota") || lowered.contains("billing")
            else { return false }
            return !mentionsPerMinuteQuota(error?["details"])
        case .anthropic:
            return error?["type"]?.stringValue == "billing_error"
                || error?["details"]?["error_code"]?.stringValue == "enforced_spend_limit_reached"
                || isAnthropicSpendLimit(error: error, message: message)
        }
    }

    static func isAnthropicSpendLimit(error: JSONValue?, message: String) -> Bool {
        let lowered = message.lowercased()
        return error?["type"]?.stringValue == "billing_error" || lowered.contains("credit balance")
            || lowered.contains("spend limit") || lowered.contains("usage limits")
    }

    /// Gemini reports per-minute rate limits as RESOURCE_EXHAUSTED with "quota" wording too; its QuotaFailure
    /// details name the quota ("…PerMinute…"): those are rate limits, retried after the delay.
    static func mentionsPerMinuteQuota(_ details: JSONValue?) -> Bool {
        guard let details else { return false }
        return details.jsonString.lowercased().contains("perminute")
    }
}
