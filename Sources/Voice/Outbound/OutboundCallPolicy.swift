import AutopilotCore
import Flows
import Foundation

/// Whether an outbound call may be placed now (pure). The phone is the SMS channel to the person, so the tenant's SMS
/// rules of the smart-sending policy decide — consent, a STOP, the sending window in the contact's time zone (quiet
/// hours, Sundays, public holidays), the maximum deferral — with the call cap in place of the SMS frequency cap: at most
/// `maximumCalls` placed calls per contact in `capHours`.
public struct OutboundCallPolicy: Sendable {
    /// Why a call is refused or put off. Raw values are recorded (`voice_calls.reason`, the flow action's error).
    public enum Refusal: String, Sendable, Hashable {
        case noPhone = "no_phone"
        case noConsent = "no_consent"
        case unsubscribed
        case quietHours = "quiet_hours"
        case sunday
        case publicHoliday = "public_holiday"
        case frequencyCap = "frequency_cap"
        case expired

        init(_ reason: SendBlockReason) {
            switch reason {
            case .missingAddress: self = .noPhone
            case .noConsent: self = .noConsent
            case .unsubscribed, .hardBounced: self = .unsubscribed
            case .quietHours: self = .quietHours
            case .sunday: self = .sunday
            case .publicHoliday: self = .publicHoliday
            case .frequencyCap: self = .frequencyCap
            case .expired: self = .expired
            }
        }

        public func text(_ language: VoiceLanguage) -> String {
            switch (self, language) {
            case (.noPhone, .french): "le contact n'a pas de numéro de téléphone"
            case (.noPhone, .english): "the contact has no phone number"
            case (.noConsent, .french): "le contact n'a pas consenti à être contacté par téléphone"
            case (.noConsent, .english): "the contact has not agreed to be contacted by phone"
            case (.unsubscribed, .french): "le contact a demandé à ne plus être contacté par téléphone (STOP)"
            case (.unsubscribed, .english): "the contact asked not to be contacted by phone any more (STOP)"
            case (.quietHours, .french): "en dehors des heures d'appel dans le fuseau du contact"
            case (.quietHours, .english): "outside calling hours in the contact's time zone"
            case (.sunday, .french): "pas d'appel le dimanche"
            case (.sunday, .english): "no calls on Sundays"
            case (.publicHoliday, .french): "pas d'appel un jour férié"
            case (.publicHoliday, .english): "no calls on a public holiday"
            case (.frequencyCap, .french): "le contact a déjà été appelé récemment"
            case (.frequencyCap, .english): "the contact was already called recently"
            case (.expired, .french): "l'appel n'a plus lieu d'être"
            case (.expired, .english): "the call is no longer relevant"
            }
        }

        /// `code: text`, as recorded.
        public var recorded: String { rawValue + ": " + text(.english) }
    }

    /// What to do with a call.
    public enum Decision: Sendable, Hashable {
        case call
        /// Not now: the first moment the rules allow, and the rule that set it.
        case later(Date, Refusal)
        case never(Refusal)
    }

    public var sending: SmartSendingSettings
    public var maximumCalls: Int
    public var capHours: Double

    /// `sending`: the tenant's smart-sending settings (its `time_zone` stands for contacts without one).
    public init(sending: SmartSendingSettings = SmartSendingSettings(), maximumCalls: Int = 1, capHours: Double = 72) {
        self.sending = sending
        self.maximumCalls = maximumCalls
        self.capHours = capHours
    }

    /// The decision for a call to `contact` at `now`; `recentCalls`: when the calls placed to them started; `dueAt`: when
    /// the call was first due (the maximum deferral counts from it).
    public func decide(contact: RecipientFacts, recentCalls: [Date], dueAt: Date? = nil, now: Date) -> Decision {
        if maximumCalls <= 0 { return contact.reachableChannels.contains(.sms) ? .never(.frequencyCap) : .never(.noPhone) }
        var settings = sending
        settings.sms.frequencyCap = capHours > 0 ? FrequencyCap(messages: maximumCalls, windowHours: min(capHours, 24 * 366)) : nil
        let policy = (try? SmartSendingPolicy(settings: settings)) ?? (try! SmartSendingPolicy())
        let history = RecentSends(recentCalls.map { RecentSends.Entry(channel: .sms, purpose: .marketing, sentAt: $0) })
        switch policy.decide(OutgoingMessageFacts(channel: .sms, purpose: .marketing, scheduledAt: dueAt), contact: contact, history: history, now: now) {
        case .send: return .call
        case .defer(let until, let reason): return .later(until, Refusal(reason))
        case .skip(let reason): return .never(Refusal(reason))
        }
    }
}
