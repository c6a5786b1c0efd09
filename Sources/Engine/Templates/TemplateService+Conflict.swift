import Storage

extension TemplateService {
    /// When `error` says a template version changed while a status change was being checked: its code and message,
    /// so that the HTTP layer can answer 409 without knowing the store's types. Nil for any other error.
    public static func conflict(in error: any Error) -> (code: String, message: String)? {
        guard let changed = error as? TemplateChangedError else { return nil }
        return (changed.code, changed.description)
    }
}
