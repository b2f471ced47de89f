# A parallel web crawler over a synthetic site, in plain asyncio.
#
# The "server" makes up each page from its number with seeded arithmetic,
# so the link graph is the same on every run; fetching a page waits a
# little (simulated network latency) and some links point to pages that
# do not exist (404). The crawler parses the links out of the HTML, keeps
# a visited set, and crawls the site twice: level by level with
# asyncio.gather, then with a pool of workers sharing an asyncio.Queue.
# Both must find the same pages.

import asyncio

SITE = "https://example.org"
PAGES = 1500                     # pages 0 .. PAGES-1 exist
WORDS = ["async", "actor", "green", "thread", "heap", "queue", "task",
         "await", "spawn", "mailbox", "core", "stack", "python", "native"]


class FetchError(Exception):
    pass


def lcg(x):
    return (x * 1103515245 + 12345) % 2147483648


def render(page):
    """The HTML of an existing page: some words and 1 to 5 links."""
    state = lcg(page * 7919 + 17)
    parts = ["<title>page %d</title>" % page]
    for _ in range(1 + state % 5):
        state = lcg(state)
        target = state % (PAGES + PAGES // 25)       # a few links are broken
        parts.append('<a href="%s/p/%d">' % (SITE, target))
        for _ in range(3 + state % 17):
            state = lcg(state)
            parts.append(WORDS[state % len(WORDS)])
    return " ".join(parts)


async def fetch(url):
    page = int(url[url.rindex("/") + 1:])
    await asyncio.sleep(0.0001 * (page % 7))         # network latency
    if page >= PAGES:
        raise FetchError("404 Not Found: " + url)
    return render(page)


def parse(url, html):
    """(url, links, word count, checksum): pure computation on the text."""
    links = []
    start = html.find('href="')
    while start >= 0:
        end = html.index('"', start + 6)
        links.append(html[start + 6:end])
        start = html.find('href="', end)
    words = [w for w in html.split() if w.isalpha()]
    checksum = 2166136261
    for ch in html:
        checksum = ((checksum ^ ord(ch)) * 16777619) % 4294967296
    return url, links, len(words), checksum


async def fetch_and_parse(url):
    return parse(url, await fetch(url))


async def crawl_levels(start):
    """Breadth first: fetch a whole level at once, then the next."""
    visited = {start}
    frontier = [start]
    pages = {}
    depth = 0
    while frontier:
        results = await asyncio.gather(*[fetch_and_parse(u) for u in frontier],
                                       return_exceptions=True)
        new, broken, words = [], 0, 0
        for r in results:
            if isinstance(r, FetchError):
                broken += 1
                continue
            url, links, count, checksum = r
            pages[url] = r
            words += count
            for link in links:
                if link not in visited:
                    visited.add(link)
                    new.append(link)
        print("depth %2d: %4d fetched, %3d broken, %5d words, %4d new links"
              % (depth, len(frontier), broken, words, len(new)))
        frontier = new
        depth += 1
    return pages


async def worker(queue, visited, pages, errors):
    while True:
        url = await queue.get()
        try:
            r = await fetch_and_parse(url)
            pages[url] = r
            for link in r[1]:
                if link not in visited:
                    visited.add(link)
                    queue.put_nowait(link)
        except FetchError as e:
            errors.append(str(e))
        finally:
            queue.task_done()


async def crawl_pool(start, workers):
    """A fixed pool of workers and a shared queue of URLs to fetch."""
    queue = asyncio.Queue()
    queue.put_nowait(start)
    visited, pages, errors = {start}, {}, []
    tasks = [asyncio.create_task(worker(queue, visited, pages, errors))
             for _ in range(workers)]
    await queue.join()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return pages, errors


def summary(pages):
    words = sum(r[2] for r in pages.values())
    checksum = sum(r[3] for r in pages.values()) % 1000000007
    return "%d pages, %d words, checksum %d" % (len(pages), words, checksum)


async def main():
    start = SITE + "/p/0"
    print("crawling", start)
    pages = await crawl_levels(start)
    print("levels:", summary(pages))

    inbound = {}
    for url in sorted(pages):
        for link in pages[url][1]:
            if link in pages:
                inbound[link] = inbound.get(link, 0) + 1
    print("most linked pages:")
    for url, n in sorted(inbound.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
        print("  %-30s %d" % (url, n))
    unreached = PAGES - len(pages)
    print("pages never reached:", unreached)

    pool_pages, errors = await crawl_pool(start, 8)
    print("pool of 8:", summary(pool_pages))
    print("broken links:", len(errors), "e.g.", sorted(errors)[0])
    print("same pages:", sorted(pool_pages) == sorted(pages))


asyncio.run(main())
