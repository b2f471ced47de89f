%% parallel_cpu.erl — the Erlang peer of ../parallel_cpu.py: the primes
%% below LIMIT by trial division, in 4 chunks per logical CPU, one process
%% each; the main process collects the chunks' counts and sums.
%%
%%   erlc parallel_cpu.erl && erl -noshell -run parallel_cpu main [LIMIT]
-module(parallel_cpu).
-export([main/0, main/1]).

main() -> main([]).
main([]) -> main(["1500000"]);
main([Arg]) ->
    Limit = list_to_integer(Arg),
    Chunks = 4 * cpus(),
    Self = self(),
    Pids = [spawn(fun() -> Self ! {self(), count(Limit * K div Chunks, Limit * (K + 1) div Chunks, 0, 0)} end)
            || K <- lists:seq(0, Chunks - 1)],
    {Count, Total} = lists:foldl(fun(Pid, {C, T}) ->
                                         receive {Pid, {C1, T1}} -> {C + C1, T + T1} end
                                 end, {0, 0}, Pids),
    io:format("parallel-cpu ~b ~b ~b~n", [Limit, Count, Total]),
    halt(0).

%% Logical CPUs of the machine (not the scheduler count, which +S changes),
%% as os.cpu_count() and Go's runtime.NumCPU().
cpus() ->
    case erlang:system_info(logical_processors) of
        N when is_integer(N) -> N;
        _ -> erlang:system_info(schedulers)
    end.

count(N, Hi, C, T) when N >= Hi -> {C, T};
count(N, Hi, C, T) ->
    case is_prime(N) of
        true -> count(N + 1, Hi, C + 1, T + N);
        false -> count(N + 1, Hi, C, T)
    end.

is_prime(N) when N < 2 -> false;
is_prime(2) -> true;
is_prime(N) when N rem 2 =:= 0 -> false;
is_prime(N) -> trial(N, 3).

trial(N, D) when D * D > N -> true;
trial(N, D) when N rem D =:= 0 -> false;
trial(N, D) -> trial(N, D + 2).
