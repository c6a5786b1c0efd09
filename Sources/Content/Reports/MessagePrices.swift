import AutopilotCore
import Foundation

/// What one sent message costs per channel, for the report's ROI lines, in the report currency; and how model costs
/// (US dollars in `llm_calls`) convert to it. Environment: `AUTOPILOT_MESSAGE_COST_EMAIL`, `_SMS`, `_WHATSAPP`,
/// `AUTOPILOT_REPORT_CURRENCY`, `AUTOPILOT_REPORT_USD_RATE` (docs/reports.md).
public struct MessagePrices: Sendable, Hashable {
    /// Illustrative defaults: an email through a sending service, an SMS and a WhatsApp marketing message in France.
    public static let defaultEmail = 0.001
    public static let defaultSMS = 0.08
    public static let defaultWhatsApp = 0.06

    public var email: Double
    public var sms: Double
    public var whatsapp: Double
    /// ISO 4217; nil: the currency most of the attributed revenue is in (EUR when there is none).
    public var currency: String?
    /// Report-currency units per US dollar, for model costs.
    public var usdRate: Double

    public init(
        email: Double = Self.defaultEmail, sms: Double = Self.defaultSMS, whatsapp: Double = Self.defaultWhatsApp, currency: String? = nil,
        usdRate: Double = 1
    ) {
        self.email = email
        self.sms = sms
        self.whatsapp = whatsapp
        self.currency = currency
        self.usdRate = usdRate
    }

    /// Reads the variables; a `ValidationError` names a variable whose value is not a non-negative number or a currency code.
    public static func fromEnvironment(_ environment: [String: String]) throws -> MessagePrices {
        func number(_ name: String, _ fallback: Double) throws -> Double {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return fallback }
            guard let value = Double(text), value.isFinite, value >= 0 else {
                throw ValidationError(code: "configuration", field: name, message: "\"\(text)\" is not a non-negative number")
            }
            return value
        }
        var currency: String?
        if let text = environment["AUTOPILOT_REPORT_CURRENCY"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard text.count == 3, text.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw ValidationError(
                    code: "configuration", field: "AUTOPILOT_REPORT_CURRENCY", message: "\"\(text)\" is not a currency code such as EUR")
            }
            currency = text.uppercased()
        }
        return MessagePrices(
            email: try number("AUTOPILOT_MESSAGE_COST_EMAIL", defaultEmail), sms: try number("AUTOPILOT_MESSAGE_COST_SMS", defaultSMS),
            whatsapp: try number("AUTOPILOT_MESSAGE_COST_WHATSAPP", defaultWhatsApp), currency: currency,
            usdRate: try number("AUTOPILOT_REPORT_USD_RATE", 1))
    }

    /// The price of one message on `channel` (`email`, `sms`, `whatsapp`); 0 for others (Slack, webhooks, unknown).
    public func price(channel: String) -> Double {
        switch channel {
        case "email": email
        case "sms": sms
        case "whatsapp": whatsapp
        default: 0
        }
    }
}
