# A command-line tool's skeleton: read sys.argv, report progress on
# stdout and problems on stderr, and exit with a status through sys.exit.
import sys

def log(*parts):
    print("warning:", *parts, file=sys.stderr)

name = sys.argv[0].split("/")[-1].split(".")[0]
args = sys.argv[1:]
print("program:", name, "arguments:", len(args), args)
if not args:
    log("no input files given", "(using defaults)")
files = args or ["a.txt", "b.txt", "c.txt"]
done = 0
for f in files:
    sys.stdout.write("processing " + f + "\n")
    done += 1
sys.stdout.write(f"{done} files\n")
sys.stderr.write("3 problems found\n")
print("bye", flush=True)
try:
    sys.exit("not an int status is printed")
except SystemExit as e:
    print("caught SystemExit:", e)
sys.exit(3)
print("not reached")
