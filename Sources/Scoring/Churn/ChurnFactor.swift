/// One signal behind a churn risk: what it is, its numbers, and how much it added.
public struct ChurnFactor: Codable, Sendable, Hashable {
    /// The kinds of signal.
    public enum Kind: String, Codable, Sendable, CaseIterable, Hashable {
        case recencyScore = "recency_score"
        case frequencyScore = "frequency_score"
        case monetaryScore = "monetary_score"
        /// Days since the last order against the usual interval (`value` days, `reference` usual days, `ratio`).
        case overdue = "overdue"
        /// A single order: `value` days since it, compared with `reference` days.
        case overdueSingleOrder = "overdue_single_order"
        /// Orders: `value` recent against `reference` previous, `ratio` = decline.
        case orderDecline = "order_decline"
        case emailOpenDecline = "email_open_decline"
        case emailClickDecline = "email_click_decline"
        /// `value` recent support tickets.
        case supportTickets = "support_tickets"
    }

    public var kind: Kind
    /// The signal's main number (a score, days, a count).
    public var value: Double
    /// What it is compared with (usual interval, previous count), when there is one.
    public var reference: Double?
    /// The overdue ratio or the decline share, when there is one.
    public var ratio: Double?
    /// What the signal added to the risk.
    public var contribution: Double

    /// Creates a factor.
    public init(kind: Kind, value: Double, reference: Double? = nil, ratio: Double? = nil, contribution: Double) {
        self.kind = kind
        self.value = value
        self.reference = reference
        self.ratio = ratio
        self.contribution = contribution
    }

    /// The signal in words, with its numbers, e.g. "No order for 140 days, 3.5× the usual 40-day interval".
    public func text(in locale: ScoringLocale) -> String {
        let french = locale == .french
        let v = Self.number(value, locale), ref = Self.number(reference ?? 0, locale)
        let share = Self.number((ratio ?? 0) * 100, locale, decimals: 0)
        switch kind {
        case .recencyScore: return french ? "Score de récence \(v)/5" : "Recency score \(v)/5"
        case .frequencyScore: return french ? "Score de fréquence \(v)/5" : "Frequency score \(v)/5"
        case .monetaryScore: return french ? "Score monétaire \(v)/5" : "Monetary score \(v)/5"
        case .overdue:
            let times = Self.number(ratio ?? 0, locale)
            return french
                ? "Aucune commande depuis \(v) jours, soit \(times)× l'intervalle habituel de \(ref) jours"
                : "No order for \(v) days, \(times)× the usual \(ref)-day interval"
        case .overdueSingleOrder:
            return french
                ? "Une seule commande, il y a \(v) jours (pas encore d'intervalle habituel ; comparé à \(ref) jours)"
                : "A single order, \(v) days ago (no usual interval yet; compared with \(ref) days)"
        case .orderDecline:
            return french
                ? "Commandes en baisse de \(share) % : \(v) sur les 180 derniers jours contre \(ref) sur les 180 précédents"
                : "Orders down \(share)%: \(v) in the last 180 days against \(ref) in the 180 before"
        case .emailOpenDecline:
            return french
                ? "Ouvertures d'e-mails en baisse de \(share) % : \(v) récemment contre \(ref) auparavant"
                : "E-mail opens down \(share)%: \(v) recently against \(ref) before"
        case .emailClickDecline:
            return french
                ? "Clics dans les e-mails en baisse de \(share) % : \(v) récemment contre \(ref) auparavant"
                : "E-mail clicks down \(share)%: \(v) recently against \(ref) before"
        case .supportTickets:
            let one = value == 1
            return french
                ? "\(v) ticket\(one ? "" : "s") de support récent\(one ? "" : "s")"
                : "\(v) recent support ticket\(one ? "" : "s")"
        }
    }

    /// The text followed by the contribution, e.g. "… (+0.30)".
    public func line(in locale: ScoringLocale) -> String {
        "\(text(in: locale)) (+\(Self.number(contribution, locale, decimals: 2, trimmed: false)))"
    }

    /// A number with at most `decimals` decimals (trailing zeros dropped unless `trimmed` is false), with a decimal
    /// comma in French.
    static func number(_ x: Double, _ locale: ScoringLocale, decimals: Int = 1, trimmed: Bool = true) -> String {
        guard x.isFinite else { return "∞" }
        guard abs(x) < 1e12 else { return String(Int(x.sign == .minus ? -1e12 : 1e12)) + "+" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        let whole = Int(scaled / scale)
        var fraction = String(Int(scaled - Double(whole) * scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        if trimmed { while fraction.hasSuffix("0") { fraction.removeLast() } }
        let sign = x < 0 && scaled > 0 ? "-" : ""
        guard !fraction.isEmpty else { return "\(sign)\(whole)" }
        return "\(sign)\(whole)\(locale == .french ? "," : ".")\(fraction)"
    }
}
