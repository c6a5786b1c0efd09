/// The carriers demo orders ship with, and how their tracking numbers and pages look.
enum DemoCarrier: String, Sendable, CaseIterable {
    case colissimo = "Colissimo"
    case chronopost = "Chronopost"
    case mondialRelay = "Mondial Relay"
    case dhl = "DHL"
    case ups = "UPS"
    case royalMail = "Royal Mail"
    case amana = "Amana"

    func trackingNumber(_ random: inout DemoRandom) -> String {
        switch self {
        case .colissimo: "6A" + random.digits(11)
        case .chronopost: "XW" + random.digits(9) + "FR"
        case .mondialRelay: random.digits(8)
        case .dhl: random.digits(10, first: "123456789")
        case .ups: "1Z" + Self.alphanumeric(&random, 6) + random.digits(10)
        case .royalMail: "RM" + random.digits(9) + "GB"
        case .amana: "CM" + random.digits(9) + "MA"
        }
    }

    func trackingURL(_ number: String) -> String {
        switch self {
        case .colissimo: "https://www.laposte.fr/outils/suivre-vos-envois?code=" + number
        case .chronopost: "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=" + number
        case .mondialRelay: "https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition=" + number
        case .dhl: "https://www.dhl.com/fr-fr/home/tracking.html?tracking-id=" + number
        case .ups: "https://www.ups.com/track?tracknum=" + number
        case .royalMail: "https://www.royalmail.com/track-your-item#/tracking-results/" + number
        case .amana: "https://www.amana.ma/suivi?code=" + number
        }
    }

    private static let alphabet = Array("ABCDEFGHJKLMNPRSTVWXY0123456789")

    private static func alphanumeric(_ random: inout DemoRandom, _ count: Int) -> String {
        var text = ""
        for _ in 0..<count { text.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
        return text
    }
}
