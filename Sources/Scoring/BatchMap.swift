import Dispatch

/// Maps large arrays on all cores, in contiguous chunks, keeping input order; small arrays are mapped in place.
/// The transform must be pure (it runs on several threads at once).
enum BatchMap {
    static let minimumParallelCount = 50_000

    static func map<Input, Output>(_ input: [Input], _ transform: (Input) -> Output) -> [Output] {
        let count = input.count
        guard count >= minimumParallelCount else { return input.map(transform) }
        let chunks = 16
        let chunkSize = (count + chunks - 1) / chunks
        return input.withUnsafeBufferPointer { source in
            [Output](unsafeUninitializedCapacity: count) { destination, initializedCount in
                guard let sourceBase = source.baseAddress, let destinationBase = destination.baseAddress else {
                    initializedCount = 0
                    return
                }
                withoutActuallyEscaping(transform) { transform in
                    let work = UncheckedBox((sourceBase, destinationBase, transform))
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        let (from, to, transform) = work.value
                        let start = chunk * chunkSize
                        let end = min(start + chunkSize, count)
                        guard start < end else { return }
                        for i in start..<end { (to + i).initialize(to: transform(from[i])) }
                    }
                }
                initializedCount = count
            }
        }
    }
}

extension BatchMap {
    /// Computes `partial` over `chunks` contiguous ranges of 0..<count (in parallel when `count` ≥ `minimumParallel`)
    /// and combines the results in range order, so the outcome does not depend on scheduling.
    static func reduce<Partial>(
        count: Int, chunks: Int = 4, minimumParallel: Int = 4_096, partial: (Range<Int>) -> Partial, combine: (Partial, Partial) -> Partial
    ) -> Partial {
        guard count >= minimumParallel, chunks > 1 else { return partial(0..<count) }
        let chunkSize = (count + chunks - 1) / chunks
        let ranges = (0..<chunks).map { min($0 * chunkSize, count)..<min(($0 + 1) * chunkSize, count) }
        let results = [Partial?](unsafeUninitializedCapacity: chunks) { buffer, initializedCount in
            guard let base = buffer.baseAddress else {
                initializedCount = 0
                return
            }
            for i in 0..<chunks { (base + i).initialize(to: nil) }
            initializedCount = chunks
            withoutActuallyEscaping(partial) { partial in
                let work = UncheckedBox((base, partial))
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let (base, partial) = work.value
                    base[chunk] = partial(ranges[chunk])
                }
            }
        }
        return results.compactMap { $0 }.reduce(partial(0..<0), combine)
    }
}

/// Carries non-Sendable values into `concurrentPerform`, whose chunks touch disjoint memory and finish before it returns.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
