%% skynet.erl — the Erlang peer of ../skynet.py: a tree of processes with
%% fan-out 10 and LEAVES leaves; each inner node spawns its ten children
%% and sums the numbers they send it.
%%
%%   erlc skynet.erl && erl -noshell +P 5000000 -run skynet main [LEAVES]
-module(skynet).
-export([main/0, main/1]).

main() -> main([]).
main([]) -> main(["1000000"]);
main([Arg]) ->
    Leaves = list_to_integer(Arg),
    Self = self(),
    spawn(fun() -> skynet(Self, 0, Leaves, 10) end),
    Sum = receive V -> V end,
    io:format("skynet ~b ~b~n", [Leaves, Sum]),
    halt(0).

skynet(Parent, Num, 1, _) ->
    Parent ! Num;
skynet(Parent, Num, Size, Div) ->
    Self = self(),
    Sub = Size div Div,
    [spawn(fun() -> skynet(Self, Num + I * Sub, Sub, Div) end) || I <- lists:seq(0, Div - 1)],
    Parent ! collect(Div, 0).

collect(0, S) -> S;
collect(N, S) -> receive V -> collect(N - 1, S + V) end.
