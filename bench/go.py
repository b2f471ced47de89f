# go: random playouts of the game of Go on a 9x9 board, as a Monte Carlo
# player does. Board objects with lists of points, neighbour lists built
# once, flood fills for groups and liberties, captures, suicide refused,
# a simple ko rule; a seeded random.Random chooses the moves. Prints the
# number of moves and captures and the average score over the playouts.
import random
import sys

SIZE = 9
EMPTY, BLACK, WHITE = 0, 1, 2


class Board:
    def __init__(self, size):
        self.size = size
        self.cells = [EMPTY] * (size * size)
        self.neighbours = []
        for p in range(size * size):
            x, y = p % size, p // size
            ns = []
            if x > 0:
                ns.append(p - 1)
            if x < size - 1:
                ns.append(p + 1)
            if y > 0:
                ns.append(p - size)
            if y < size - 1:
                ns.append(p + size)
            self.neighbours.append(ns)
        self.ko = -1
        self.captured = 0

    def group(self, p):
        """The stones of p's group and whether it has a liberty."""
        colour = self.cells[p]
        stones = [p]
        seen = {p}
        free = False
        i = 0
        while i < len(stones):
            q = stones[i]
            i += 1
            for n in self.neighbours[q]:
                c = self.cells[n]
                if c == EMPTY:
                    free = True
                elif c == colour and n not in seen:
                    seen.add(n)
                    stones.append(n)
        return stones, free

    def play(self, p, colour):
        """Place a stone; False (and the board unchanged) when illegal."""
        if self.cells[p] != EMPTY or p == self.ko:
            return False
        other = BLACK + WHITE - colour
        self.cells[p] = colour
        taken = []
        for n in self.neighbours[p]:
            if self.cells[n] == other:
                stones, free = self.group(n)
                if not free:
                    taken.extend(stones)
                    for s in stones:
                        self.cells[s] = EMPTY
        if not taken:
            stones, free = self.group(p)
            if not free:
                self.cells[p] = EMPTY
                return False
        self.ko = taken[0] if len(taken) == 1 else -1
        self.captured += len(taken)
        return True

    def eye_of(self, p, colour):
        for n in self.neighbours[p]:
            if self.cells[n] != colour:
                return False
        return True

    def score(self):
        black = white = 0
        for p, c in enumerate(self.cells):
            if c == BLACK:
                black += 1
            elif c == WHITE:
                white += 1
            elif self.eye_of(p, BLACK):
                black += 1
            elif self.eye_of(p, WHITE):
                white += 1
        return black - white


def playout(rng, max_moves):
    board = Board(SIZE)
    colour = BLACK
    passes = moves = 0
    while passes < 2 and moves < max_moves:
        empties = [p for p, c in enumerate(board.cells) if c == EMPTY]
        rng.shuffle(empties)
        for p in empties:
            if not board.eye_of(p, colour) and board.play(p, colour):
                passes = 0
                moves += 1
                break
        else:
            passes += 1
            board.ko = -1
        colour = BLACK + WHITE - colour
    return moves, board.captured, board.score()


def main(games):
    rng = random.Random(20261207)
    total_moves = total_captured = total_score = 0
    black_wins = 0
    for _ in range(games):
        moves, captured, score = playout(rng, 400)
        total_moves += moves
        total_captured += captured
        total_score += score
        if score > 0:
            black_wins += 1
    print("go", games, total_moves, total_captured, black_wins, "%.3f" % (total_score / games))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
