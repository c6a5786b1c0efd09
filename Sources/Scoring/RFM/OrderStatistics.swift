/// Order statistics (the values a sort would put at given positions) without a full sort: a multi-rank quickselect
/// with three-way partitioning, so the many equal values of day counts and order counts cost nothing extra.
enum OrderStatistics {
    /// The values at `ranks` (0-based positions in ascending order) of `values`, which is reordered; ranks outside
    /// the array are ignored.
    static func select(_ values: inout [Double], ranks: [Int]) -> [Int: Double] {
        let wanted = Array(Set(ranks.filter { $0 >= 0 && $0 < values.count })).sorted()
        var found: [Int: Double] = [:]
        guard !wanted.isEmpty else { return found }
        values.withUnsafeMutableBufferPointer { buffer in
            select(buffer, 0, buffer.count, wanted[...], &found)
        }
        return found
    }

    private static func select(
        _ a: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int, _ ranks: ArraySlice<Int>, _ found: inout [Int: Double]
    ) {
        guard !ranks.isEmpty else { return }
        if high - low <= 24 {
            insertionSort(a, low, high)
            for rank in ranks { found[rank] = a[rank] }
            return
        }
        let middle = low + (high - low) / 2
        let pivot = medianOfThree(a[low], a[middle], a[high - 1])
        var less = low, index = low, greater = high
        while index < greater {
            let value = a[index]
            if value < pivot {
                a.swapAt(index, less)
                less += 1
                index += 1
            } else if value > pivot {
                greater -= 1
                a.swapAt(index, greater)
            } else {
                index += 1
            }
        }
        let left = ranks.filter { $0 < less }
        let right = ranks.filter { $0 >= greater }
        for rank in ranks where rank >= less && rank < greater { found[rank] = pivot }
        select(a, low, less, left[...], &found)
        select(a, greater, high, right[...], &found)
    }

    private static func insertionSort(_ a: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int) {
        guard high - low > 1 else { return }
        for i in (low + 1)..<high {
            let value = a[i]
            var j = i
            while j > low, a[j - 1] > value {
                a[j] = a[j - 1]
                j -= 1
            }
            a[j] = value
        }
    }

    private static func medianOfThree(_ x: Double, _ y: Double, _ z: Double) -> Double {
        max(min(x, y), min(max(x, y), z))
    }
}
