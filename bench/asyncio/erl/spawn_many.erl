%% spawn_many.erl — the Erlang peer of ../spawn_many.py: TASKS short
%% processes, each sending its result to the main process, which waits for
%% all of them (as a TaskGroup does) and sums the results.
%%
%%   erlc spawn_many.erl && erl -noshell -run spawn_many main [TASKS]
-module(spawn_many).
-export([main/0, main/1]).

main() -> main([]).
main([]) -> main(["200000"]);
main([Arg]) ->
    N = list_to_integer(Arg),
    Self = self(),
    spawn_all(0, N, Self),
    Total = collect(N, 0),
    io:format("spawn-many ~b ~b~n", [N, Total]),
    halt(0).

work(I) -> (I * I + 7 * I) rem 1009.

spawn_all(N, N, _) -> ok;
spawn_all(I, N, Parent) ->
    spawn(fun() -> Parent ! {result, work(I)} end),
    spawn_all(I + 1, N, Parent).

collect(0, Total) -> Total;
collect(N, Total) -> receive {result, R} -> collect(N - 1, Total + R) end.
