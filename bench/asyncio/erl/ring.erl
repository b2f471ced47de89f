%% ring.erl — the Erlang peer of ../ring.py: 1,000 processes in a ring pass
%% a token HOPS times, decrementing it; the one that receives 0 sends -1
%% round the ring to stop the others. Each reports how many hops it
%% forwarded to the main process, which collects the reports in ring order.
%%
%%   erlc ring.erl && erl -noshell -run ring main [HOPS]
-module(ring).
-export([main/0, main/1]).

-define(TASKS, 1000).

main() -> main([]).
main([]) -> main(["1000000"]);
main([Arg]) ->
    Hops = list_to_integer(Arg),
    Self = self(),
    Pids = [spawn(fun() -> init(Self, I) end) || I <- lists:seq(0, ?TASKS - 1)],
    Nexts = tl(Pids) ++ [hd(Pids)],
    [P ! {next, N} || {P, N} <- lists:zip(Pids, Nexts)],
    hd(Pids) ! Hops,
    {StoppedAt, Checksum} = collect(0, -1, 0),
    io:format("ring ~b ~b ~b ~b~n", [?TASKS, Hops, StoppedAt, Checksum]),
    halt(0).

init(Root, I) ->
    receive {next, Next} -> node(Root, I, Next, 0) end.

node(Root, I, Next, Forwarded) ->
    receive
        Token when Token =< 0 ->
            Next ! -1,
            Root ! {done, I, Forwarded, Token =:= 0};
        Token ->
            Next ! Token - 1,
            node(Root, I, Next, Forwarded + 1)
    end.

collect(?TASKS, StoppedAt, Checksum) -> {StoppedAt, Checksum};
collect(I, StoppedAt, Checksum) ->
    receive
        {done, I, Forwarded, GotZero} ->
            S = case GotZero of true -> I; false -> StoppedAt end,
            collect(I + 1, S, (Checksum * 1000003 + Forwarded * (I + 1)) rem 1000000007)
    end.
