import Testing
import Kubectl
@testable import Shell

@Suite struct VirtualFSTests {
    @Test func defaultLayout() {
        let fs = VirtualFS()
        #expect(fs.cwd == "/root")
        #expect(fs.home == "/root")
        #expect(fs.listDirectory("/") == ["dev", "root", "tmp"])
        #expect(fs.listDirectory("/dev") == ["null"])
        #expect(fs.isDirectory("~"))
    }

    @Test func seedingCreatesParents() {
        let fs = VirtualFS(files: ["controller/nginx.yaml": "a\n", "/etc/hosts": "127.0.0.1 localhost\n"],
                           directories: ["controller/volumes"], cwd: "/root/controller")
        #expect(fs.cwd == "/root/controller")
        #expect(fs.readFile("nginx.yaml") == "a\n")
        #expect(fs.readFile("/etc/hosts") == "127.0.0.1 localhost\n")
        #expect(fs.listDirectory(".") == ["nginx.yaml", "volumes"])
        #expect(fs.isDirectory("volumes"))
    }

    @Test func resolution() {
        let fs = VirtualFS(directories: ["a/b"])
        #expect(fs.resolve("x") == "/root/x")
        #expect(fs.resolve("./a/../a/b/.") == "/root/a/b")
        #expect(fs.resolve("~/a") == "/root/a")
        #expect(fs.resolve("~") == "/root")
        #expect(fs.resolve("/") == "/")
        #expect(fs.resolve("//tmp///x/") == "/tmp/x")
        #expect(fs.resolve("~user") == "/root/~user")
    }

    @Test func cannotEscapeTheJail() throws {
        let fs = VirtualFS()
        #expect(fs.resolve("../../../../etc/passwd") == "/etc/passwd")
        #expect(fs.resolve("/../../..") == "/")
        try fs.changeDirectory("../../..")
        #expect(fs.cwd == "/")
        try fs.changeDirectory("..")
        #expect(fs.cwd == "/")
        // Nothing of the host is visible: /etc does not exist in a fresh workspace.
        #expect(fs.readFile("/etc/passwd") == nil)
        #expect(!fs.exists("/etc"))
    }

    @Test func listingIsSortedLikeCLocale() throws {
        let fs = VirtualFS()
        for n in ["b", "B", "a", "_x", "Z.yaml", "10", "9", ".hidden"] { try fs.writeFile(n, contents: "") }
        #expect(fs.listDirectory(".") == [".hidden", "10", "9", "B", "Z.yaml", "_x", "a", "b"])
    }

    @Test func writeErrors() throws {
        let fs = VirtualFS(directories: ["d"])
        #expect(throws: FSError(.notFound, "nope/x")) { try fs.writeFile("nope/x", contents: "") }
        #expect(throws: FSError(.isADirectory, "d")) { try fs.writeFile("d", contents: "") }
        try fs.writeFile("f", contents: "x")
        #expect(throws: FSError(.notADirectory, "f/y")) { try fs.writeFile("f/y", contents: "") }
        #expect(FSError(.notFound, "nope/x").description == "nope/x: No such file or directory")
        // /dev/null swallows writes.
        try fs.writeFile("/dev/null", contents: "gone")
        #expect(fs.readFile("/dev/null") == "")
    }

    @Test func directoriesAndMoves() throws {
        let fs = VirtualFS()
        try fs.createDirectory("a/b/c", parents: true)
        #expect(throws: FSError(.exists, "a")) { try fs.createDirectory("a") }
        #expect(throws: FSError(.notFound, "x/y")) { try fs.createDirectory("x/y") }
        try fs.writeFile("a/b/c/f", contents: "1")
        try fs.move("a", to: "z")
        #expect(fs.readFile("z/b/c/f") == "1")
        #expect(!fs.exists("a"))
        #expect(throws: FSError(.invalid, "z/b/in")) { try fs.move("z", to: "z/b/in") }
        try fs.copy("z", to: "y", recursive: true)
        #expect(fs.readFile("y/b/c/f") == "1")
        #expect(throws: FSError(.isADirectory, "y")) { try fs.remove("y") }
        try fs.remove("y", recursive: true)
        #expect(!fs.exists("y/b"))
        #expect(throws: FSError(.notEmpty, "z")) { try fs.removeDirectory("z") }
    }

    @Test func conformsToWorkspace() throws {
        let ws: any Workspace = VirtualFS(files: ["m.yaml": "kind: Pod\n"])
        #expect(ws.cwd == "/root")
        #expect(ws.readFile("m.yaml") == "kind: Pod\n")
        #expect(ws.readFile("/root") == nil)
        #expect(ws.isDirectory("/root"))
        #expect(ws.listDirectory("m.yaml") == nil)
        try ws.writeFile("/tmp/kubectl-edit-1.yaml", contents: "x")
        #expect(ws.readFile("/tmp/kubectl-edit-1.yaml") == "x")
    }

    @Test func sizeLimits() {
        let fs = VirtualFS()
        let big = String(repeating: "x", count: VirtualFS.maxFileSize + 1)
        #expect(throws: FSError(.tooLarge, "big")) { try fs.writeFile("big", contents: big) }
    }
}
