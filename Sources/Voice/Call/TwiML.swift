/// The TwiML documents of a call: connect it to the bridge's bidirectional Media Stream (with the apology after it,
/// which Twilio speaks if the stream ends without the caller hanging up), or the apology alone.
public enum TwiML {
    /// `<Connect><Stream url>` with each parameter as a `<Parameter>`, then the apology `<Say>` in the caller's language.
    public static func connectStream(url: String, parameters: [(String, String)], apology: VoiceWording) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url=""# + escape(url) + #"">"#
        for (name, value) in parameters {
            xml += #"<Parameter name=""# + escape(name) + #"" value=""# + escape(value) + #""/>"#
        }
        xml += "</Stream></Connect>" + say(apology) + "<Hangup/></Response>"
        return xml
    }

    /// The apology alone, then hang up.
    public static func apology(_ wording: VoiceWording) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><Response>"# + say(wording) + "<Hangup/></Response>"
    }

    static func say(_ wording: VoiceWording) -> String {
        #"<Say language=""# + wording.language.twilioSayLanguage + #"">"# + escape(wording.apology) + "</Say>"
    }

    /// XML text and attribute escaping.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
