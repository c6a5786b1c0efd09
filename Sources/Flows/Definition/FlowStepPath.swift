/// Where a step sits in a flow: indexes into nested step lists, written `steps[2].then[0]`.
public struct FlowStepPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case index(Int)
        case then
        case `else`
        case onTimeout
        /// The steps of a split's variant, written with the variant's id (`steps[1].b[0]`).
        case variant(String)
    }

    /// Names of step lists that cannot be variant ids.
    public static let reservedListNames: Set<String> = ["steps", "then", "else", "on_timeout"]

    public var components: [Component]

    public init(_ components: [Component]) {
        self.components = components
    }

    /// The first step of the flow.
    public static let start = FlowStepPath([.index(0)])

    /// Parses the written form (`steps[2].then[0]`), as stored in runs.
    public static func parse(_ text: String) -> FlowStepPath? {
        var components: [Component] = []
        for part in text.split(separator: ".") {
            guard let open = part.firstIndex(of: "["), part.last == "]",
                let index = Int(part[part.index(after: open)..<part.index(before: part.endIndex)]),
                index >= 0
            else { return nil }
            let list = part[..<open]
            switch (list, components.isEmpty) {
            case ("steps", true): break
            case ("then", false): components.append(.then)
            case ("else", false): components.append(.else)
            case ("on_timeout", false): components.append(.onTimeout)
            case (let name, false) where FlowVariant.isVariantID(String(name)): components.append(.variant(String(name)))
            default: return nil
            }
            components.append(.index(index))
        }
        return components.isEmpty ? nil : FlowStepPath(components)
    }

    public var description: String {
        var text = "steps"
        for component in components {
            switch component {
            case .index(let index): text += "[\(index)]"
            case .then: text += ".then"
            case .else: text += ".else"
            case .onTimeout: text += ".on_timeout"
            case .variant(let id): text += ".\(id)"
            }
        }
        return text
    }

    /// Document order: a step comes before the steps nested in it, which come before its next sibling.
    public static func < (lhs: FlowStepPath, rhs: FlowStepPath) -> Bool {
        for (left, right) in zip(lhs.components, rhs.components) where left != right {
            return (left.order, left.variantID) < (right.order, right.variantID)
        }
        return lhs.components.count < rhs.components.count
    }

    /// The same path, one step further in its list.
    var nextSibling: FlowStepPath {
        guard case .index(let index) = components.last else { return self }
        return FlowStepPath(components.dropLast() + [.index(index + 1)])
    }

    /// The path of the step holding the list this path is in (nil at top level).
    var parent: FlowStepPath? {
        components.count >= 3 ? FlowStepPath(Array(components.dropLast(2))) : nil
    }

    /// The first step of a nested list of this step.
    func child(_ list: Component) -> FlowStepPath { FlowStepPath(components + [list, .index(0)]) }

    func resolve(in steps: [FlowStep]) -> FlowStep? {
        var list = steps
        var step: FlowStep?
        var pendingList: Component?
        for component in components {
            switch component {
            case .index(let index):
                if let pending = pendingList {
                    guard let current = step, let nested = current.list(pending) else { return nil }
                    list = nested
                    pendingList = nil
                }
                guard list.indices.contains(index) else { return nil }
                step = list[index]
            case .then, .else, .onTimeout, .variant:
                pendingList = component
            }
        }
        return pendingList == nil ? step : nil
    }
}

extension FlowStepPath.Component {
    fileprivate var order: Int {
        switch self {
        case .index(let index): index
        case .then: -3
        case .else: -2
        case .onTimeout: -1
        case .variant: -4
        }
    }

    fileprivate var variantID: String {
        if case .variant(let id) = self { return id }
        return ""
    }
}

extension FlowStep {
    func list(_ component: FlowStepPath.Component) -> [FlowStep]? {
        switch (self, component) {
        case (.branch(_, let then, _), .then): then
        case (.branch(_, _, let otherwise), .else): otherwise
        case (.waitFor(let step), .onTimeout): step.onTimeout
        case (.split(let split), .variant(let id)): split.variant(id)?.steps
        default: nil
        }
    }
}
