import Flows
import Foundation

/// Whether an outbound call may be placed now (pure): the contact's consent to be called, the calling window in the
/// contact's time zone (the SMS window: quiet hours, Sundays, public holidays) and a frequency cap per contact. The same
/// rules as for SMS, the phone being the same channel to the person.
public struct OutboundCallPolicy: Sendable {
    /// Why a call is refused. Raw values are recorded (`voice_calls.reason`).
    public enum Refusal: String, Sendable, Hashable {
        case noPhone = "no_phone"
        case noConsent = "no_consent"
        case quietHours = "quiet_hours"
        case sunday
        case publicHoliday = "public_holiday"
        case frequencyCap = "frequency_cap"

        public func text(_ language: VoiceLanguage) -> String {
            switch (self, language) {
            case (.noPhone, .french): "le contact n'a pas de numéro de téléphone"
            case (.noPhone, .english): "the contact has no phone number"
            case (.noConsent, .french): "le contact n'a pas consenti à être contacté par téléphone"
            case (.noConsent, .english): "the contact has not agreed to be contacted by phone"
            case (.quietHours, .french): "en dehors des heures d'appel dans le fuseau du contact"
            case (.quietHours, .english): "outside calling hours in the contact's time zone"
            case (.sunday, .french): "pas d'appel le dimanche"
            case (.sunday, .english): "no calls on Sundays"
            case (.publicHoliday, .french): "pas d'appel un jour férié"
            case (.publicHoliday, .english): "no calls on a public holiday"
            case (.frequencyCap, .french): "le contact a déjà été appelé récemment"
            case (.frequencyCap, .english): "the contact was already called recently"
            }
        }
    }

    public var window: SendingWindow?
    public var holidays: PublicHolidayCalendar
    /// At most `maximumCalls` placed calls per contact in `capHours`.
    public var maximumCalls: Int
    public var capHours: Double

    public init(window: SendingWindow? = .frenchMessaging, holidays: PublicHolidayCalendar = .france, maximumCalls: Int = 1, capHours: Double = 72) {
        self.window = window
        self.holidays = holidays
        self.maximumCalls = maximumCalls
        self.capHours = capHours
    }

    /// The rules of the tenant's SMS channel.
    public init(sending: SmartSendingSettings, maximumCalls: Int = 1, capHours: Double = 72) {
        self.init(window: sending.sms.sendingWindow, holidays: sending.publicHolidays, maximumCalls: maximumCalls, capHours: capHours)
    }

    /// nil: the call may be placed. `consent`: the contact's phone consent (nil: never asked, which refuses).
    public func refusal(phone: String?, consent: Bool?, timeZone: TimeZone, now: Date, recentCalls: Int) -> Refusal? {
        guard let phone, !phone.isEmpty else { return .noPhone }
        guard consent == true else { return .noConsent }
        if let window {
            let moment = LocalWallClock(timeZone: timeZone).moment(at: now)
            let weekday = moment.weekdayIndex
            // `allCases` runs Monday … Sunday, as `weekdayIndex` counts.
            let day = Array(SendingWindow.Weekday.allCases)[weekday]
            if !window.days.contains(day) { return weekday == 6 ? .sunday : .quietHours }
            let date = moment.date
            if window.skipPublicHolidays, holidays.isHoliday(year: date.year, month: date.month, day: date.day) { return .publicHoliday }
            if moment.secondOfDay < window.start.minutes * 60 || moment.secondOfDay >= window.end.minutes * 60 { return .quietHours }
        }
        if recentCalls >= maximumCalls { return .frequencyCap }
        return nil
    }
}
