import Foundation
import Testing
@testable import ClusterSim

/// What batch containers print and how long they run: the pi Job, loops, printf, exit codes.
@Suite struct BatchProgramTests {
    let busybox = ImageCatalog.standard.lookup("busybox:1.28")!
    let perl = ImageCatalog.standard.lookup("perl:5.34.0")!

    func run(_ command: [String], image: ImageInfo? = nil) -> ContainerProgram {
        ContainerProgram.resolve(command: command, args: nil, image: image ?? busybox)
    }

    @Test func thePiJobPrintsPiTo2000Digits() throws {
        let p = run(["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"], image: perl)
        let text = try #require(p.output.first?.text)
        #expect(p.output.count == 1 && p.exitCode == 0 && p.duration != nil)
        #expect(text.count == 2001)
        #expect(text.hasPrefix("3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798"))
        // Significant digits 1996–2000 are 75900 and the next ones 99465…: rounded up.
        #expect(text.hasSuffix("4780275901"))
    }

    @Test func bpiRoundsLikeMathBigFloat() {
        #expect(PerlProgram.pi(digits: 5) == "3.1416")
        #expect(PerlProgram.pi(digits: 20) == "3.1415926535897932385")
        #expect(PerlProgram.pi(digits: 1) == "3")
        #expect(PerlProgram.output(["-le", "print \"hi there\""]) == "hi there")
        #expect(PerlProgram.output(["-de0"]) == nil)
    }

    @Test func forLoopsAreUnrolledWithTheirVariable() {
        let p = run(["sh", "-c", "for i in 1 2 3; do echo \"item $i\"; sleep 1; done; echo finished"])
        #expect(p.output.map(\.text) == ["item 1", "item 2", "item 3", "finished"])
        #expect(p.output.map(\.at) == [0, 1, 2, 3])
        #expect(p.duration == 3 && p.exitCode == 0)
        #expect(run(["sh", "-c", "for n in $(seq 2 4); do echo ${n}; done"]).output.map(\.text) == ["2", "3", "4"])
        #expect(run(["sh", "-c", "for n in {3..1}; do echo $n; done; exit 4"]).exitCode == 4)
        #expect(Script.loopItems("{3..1}") == ["3", "2", "1"])
        #expect(Script.loopItems("$(seq 3)") == ["1", "2", "3"])
    }

    @Test func printfFormatsAndRepeats() {
        #expect(Script.printf(["%s=%d\\n", "a", "1", "b", "2"]) == ["a=1", "b=2"])
        #expect(Script.printf(["100%% done\\n"]) == ["100% done"])
        #expect(run(["sh", "-c", "printf 'x\\ny\\n'; exit 1"]).output.map(\.text) == ["x", "y"])
    }

    @Test func batchCommandsEndWithTheirExitCode() {
        #expect(run(["sh", "-c", "echo Hello from the Kubernetes cluster"]).output.map(\.text) == ["Hello from the Kubernetes cluster"])
        #expect(run(["sh", "-c", "date; echo Hello"]).output.map(\.text) == ["@date", "Hello"])
        #expect(run(["sh", "-c", "sleep 2; exit 1"]).exitCode == 1)
        #expect(run(["sh", "-c", "sleep 2; exit 1"]).duration == 2)
        #expect(run(["false"]).exitCode == 1)
    }
}
