%% fork_join.erl — the Erlang peer of ../fork_join.py: TASKS processes are
%% spawned first, then their results are received in spawn order (a
%% selective receive on each pid). Task I sums the Collatz stopping times
%% of I*20+1 ... I*20+20 and finds the longest.
%%
%%   erlc fork_join.erl && erl -noshell -run fork_join main [TASKS]
-module(fork_join).
-export([main/0, main/1]).

-define(SPAN, 20).

main() -> main([]).
main([]) -> main(["10000"]);
main([Arg]) ->
    Count = list_to_integer(Arg),
    Self = self(),
    Pids = [spawn(fun() -> Self ! {self(), chunk(I)} end) || I <- lists:seq(0, Count - 1)],
    {Total, Longest} = join(Pids, 0, 0),
    io:format("fork-join ~b ~b ~b~n", [Count, Total, Longest]),
    halt(0).

join([], Total, Longest) -> {Total, Longest};
join([Pid | Rest], Total, Longest) ->
    receive
        {Pid, {T, L}} -> join(Rest, Total + T, max(Longest, L))
    end.

chunk(I) -> chunk(I * ?SPAN + 1, I * ?SPAN + ?SPAN, 0, 0).

chunk(N, Last, Total, Longest) when N > Last -> {Total, Longest};
chunk(N, Last, Total, Longest) ->
    S = steps(N, 0),
    chunk(N + 1, Last, Total + S, max(Longest, S)).

steps(1, S) -> S;
steps(N, S) when N rem 2 =:= 0 -> steps(N div 2, S + 1);
steps(N, S) -> steps(3 * N + 1, S + 1).
