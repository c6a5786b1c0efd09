import Dispatch

/// Maps an array on all cores in contiguous chunks, keeping input order. Small arrays are mapped on the calling thread.
/// The transform must be pure: it runs on several threads at once.
enum ParallelMap {
    static let minimumParallelCount = 4_096

    static func map<Input, Output>(_ input: [Input], chunks: Int = 8, _ transform: (Input) -> Output) -> [Output] {
        let count = input.count
        guard count >= minimumParallelCount, chunks > 1 else { return input.map(transform) }
        let chunkSize = (count + chunks - 1) / chunks
        return input.withUnsafeBufferPointer { source in
            [Output](unsafeUninitializedCapacity: count) { destination, initializedCount in
                guard let from = source.baseAddress, let to = destination.baseAddress else {
                    initializedCount = 0
                    return
                }
                withoutActuallyEscaping(transform) { transform in
                    let shared = SharedPointers(from: from, to: to, transform: transform)
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        let start = chunk * chunkSize
                        let end = min(start + chunkSize, count)
                        guard start < end else { return }
                        for index in start..<end { (shared.to + index).initialize(to: shared.transform(shared.from[index])) }
                    }
                }
                initializedCount = count
            }
        }
    }
}

/// The buffers and transform of one `ParallelMap.map` call. Each chunk reads and writes its own disjoint range, and all
/// chunks finish before `concurrentPerform` returns, so sharing them across threads is safe.
private struct SharedPointers<Input, Output>: @unchecked Sendable {
    let from: UnsafePointer<Input>
    let to: UnsafeMutablePointer<Output>
    let transform: (Input) -> Output
}
