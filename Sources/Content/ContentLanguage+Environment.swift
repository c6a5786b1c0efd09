extension ContentLanguage {
    /// The language of a POSIX locale environment: the first set of `LC_ALL`, `LC_MESSAGES` and `LANG` decides; French when it
    /// starts with "fr" (`fr_FR.UTF-8`), English otherwise or when none is set.
    public init(environment: [String: String]) {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        self = locale?.lowercased().hasPrefix("fr") == true ? .french : .english
    }
}
