extension JSONValue {
    /// The path (`events[2].properties.note`) of the first string, key or value, that `matches`, in document order; nil
    /// when none does. A key that matches is named by its own path.
    public func firstPath(where matches: (String) -> Bool) -> String? {
        firstPath(prefix: "", where: matches)
    }

    private func firstPath(prefix: String, where matches: (String) -> Bool) -> String? {
        switch self {
        case .string(let text):
            return matches(text) ? (prefix.isEmpty ? "(the body)" : prefix) : nil
        case .array(let values):
            for (index, value) in values.enumerated() {
                if let path = value.firstPath(prefix: "\(prefix)[\(index)]", where: matches) { return path }
            }
            return nil
        case .object(let object):
            for (key, value) in object {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                if matches(key) { return path }
                if let found = value.firstPath(prefix: path, where: matches) { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
